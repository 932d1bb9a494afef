package cn.zschangfang.content;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.content.cache.ReadCacheProperties;
import cn.zschangfang.content.config.ContentProperties;
import cn.zschangfang.platform.test.DocumentedVariables;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/architecture.md and the code agree: every variable the doc lists for content-service sets a property it reads. */
class DocumentedVariablesTest {

    private final DocumentedVariables variables = new DocumentedVariables(
            "content", Map.of("content", ContentProperties.class, "content.cache", ReadCacheProperties.class));

    @Test
    void everyVariableTheDocListsForThisServiceSetsAPropertyItReads() {
        variables.assertEachSetsAProperty(Set.of());
    }

    @Test
    void aMisspeltOrUnknownKeyIsNotAPropertyTheServiceReads() {
        assertThat(variables.isReal("content.views.dedupe-window")).isTrue();
        assertThat(variables.isReal("content.views.dedupe-windw")).isFalse();
    }
}
