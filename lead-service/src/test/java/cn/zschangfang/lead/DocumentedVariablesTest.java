package cn.zschangfang.lead;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.platform.test.DocumentedVariables;
import cn.zschangfang.platform.test.DocumentedVariablesCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** docs/architecture.md and the code agree: every variable the doc lists for lead-service sets a property it reads. */
class DocumentedVariablesTest extends DocumentedVariablesCheck {

    DocumentedVariablesTest() {
        super(
                new DocumentedVariables("lead", Map.of("lead", LeadProperties.class)),
                Set.of(),
                List.of("lead.spam.max-body-bytes", "spring.mongodb.uri"),
                List.of("lead.duplicate-windw", "lead.spam.max-body"));
    }
}
