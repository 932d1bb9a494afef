package cn.zschangfang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.gateway.limit.LimitProperties;
import cn.zschangfang.gateway.routing.ProxyProperties;
import cn.zschangfang.gateway.security.EdgeSecurityProperties;
import cn.zschangfang.platform.test.DocumentedVariables;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/architecture.md and the code agree: every variable the doc lists for gateway sets a property it reads. */
class DocumentedVariablesTest {

    private final DocumentedVariables variables = new DocumentedVariables(
            "gateway",
            Map.of(
                    "gateway.limits",
                    LimitProperties.class,
                    "gateway.security",
                    EdgeSecurityProperties.class,
                    "gateway.proxy",
                    ProxyProperties.class));

    @Test
    void everyVariableTheDocListsForThisServiceSetsAPropertyItReads() {
        variables.assertEachSetsAProperty(DocumentedVariables.childrenOf("gateway.timeouts"));
    }

    @Test
    void aMisspeltOrUnknownKeyIsNotAPropertyTheServiceReads() {
        assertThat(variables.isReal("gateway.limits.rules[0].max-body-size")).isTrue();
        assertThat(variables.isReal("gateway.limits.rules[0].max-body")).isFalse();
        assertThat(variables.isReal("gateway.security.admin-tokn")).isFalse();
    }
}
