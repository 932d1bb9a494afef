package cn.zschangfang.content;

import cn.zschangfang.content.cache.ReadCacheProperties;
import cn.zschangfang.content.config.ContentProperties;
import cn.zschangfang.platform.test.DocumentedVariables;
import cn.zschangfang.platform.test.DocumentedVariablesCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** docs/architecture.md and the code agree: every variable the doc lists for content-service sets a property it reads. */
class DocumentedVariablesTest extends DocumentedVariablesCheck {

    DocumentedVariablesTest() {
        super(
                new DocumentedVariables(
                        "content",
                        Map.of("content", ContentProperties.class, "content.cache", ReadCacheProperties.class)),
                Set.of(),
                List.of("content.views.dedupe-window"),
                List.of("content.views.dedupe-windw"));
    }
}
