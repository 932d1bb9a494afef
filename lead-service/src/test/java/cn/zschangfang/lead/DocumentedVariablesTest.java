package cn.zschangfang.lead;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.platform.test.DocumentedVariables;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/architecture.md and the code agree: every variable the doc lists for lead-service sets a property it reads. */
class DocumentedVariablesTest {

    private final DocumentedVariables variables = new DocumentedVariables("lead", Map.of("lead", LeadProperties.class));

    @Test
    void everyVariableTheDocListsForThisServiceSetsAPropertyItReads() {
        variables.assertEachSetsAProperty(Set.of());
    }

    @Test
    void aMisspeltOrUnknownKeyIsNotAPropertyTheServiceReads() {
        assertThat(variables.isReal("lead.spam.max-body-bytes")).isTrue();
        assertThat(variables.isReal("spring.mongodb.uri")).isTrue();
        assertThat(variables.isReal("lead.duplicate-windw")).isFalse();
        assertThat(variables.isReal("lead.spam.max-body")).isFalse();
    }
}
