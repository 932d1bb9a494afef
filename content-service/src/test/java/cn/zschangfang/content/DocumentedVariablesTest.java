package cn.zschangfang.content;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.content.config.ContentProperties;
import cn.zschangfang.platform.test.DocumentedVariables;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** docs/architecture.md and the code agree: every variable the doc lists for content-service sets a property it reads. */
class DocumentedVariablesTest {

    private final DocumentedVariables variables =
            new DocumentedVariables("content", Map.of("content", ContentProperties.class));

    @Test
    void everyVariableTheDocListsForThisServiceSetsAPropertyItReads() {
        SoftAssertions softly = new SoftAssertions();
        variables
                .fromDoc(Set.of())
                .forEach((variable, localOnly) -> softly.assertThat(variables.propertiesSetBy(variable, localOnly))
                        .as("%s (docs/architecture.md) sets no property that content-service reads", variable)
                        .isNotEmpty());
        softly.assertAll();
    }

    @Test
    void aMisspeltOrUnknownKeyIsNotAPropertyTheServiceReads() {
        assertThat(variables.isReal("content.views.dedupe-window")).isTrue();
        assertThat(variables.isReal("content.views.dedupe-windw")).isFalse();
    }
}
