package cn.zschangfang.gateway;

import cn.zschangfang.gateway.limit.LimitProperties;
import cn.zschangfang.gateway.routing.ProxyProperties;
import cn.zschangfang.gateway.security.EdgeSecurityProperties;
import cn.zschangfang.platform.test.DocumentedVariables;
import cn.zschangfang.platform.test.DocumentedVariablesCheck;
import java.util.List;
import java.util.Map;

/** docs/architecture.md and the code agree: every variable the doc lists for gateway sets a property it reads. */
class DocumentedVariablesTest extends DocumentedVariablesCheck {

    DocumentedVariablesTest() {
        super(
                new DocumentedVariables(
                        "gateway",
                        Map.of(
                                "gateway.limits",
                                LimitProperties.class,
                                "gateway.security",
                                EdgeSecurityProperties.class,
                                "gateway.proxy",
                                ProxyProperties.class)),
                DocumentedVariables.childrenOf("gateway.timeouts"),
                List.of("gateway.limits.rules[0].max-body-size"),
                List.of("gateway.limits.rules[0].max-body", "gateway.security.admin-tokn"));
    }
}
