package cn.zschangfang.deploy.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * What promtool does not check: every alert names its runbook (docs/operations.md, an anchor per alert in
 * kebab-case), says what is wrong, and has a severity. promtool check/test rules (.ci/run) checks the rest.
 */
class AlertRulesTest {

    @Test
    void theAlertsTheIssueAsksForExist() {
        assertThat(ObservabilityFiles.rules().stream()
                        .map(ObservabilityFiles.Rule::alert)
                        .toList())
                .contains(
                        "LeadsNotDelivered",
                        "DeadLetterQueueNotEmpty",
                        "LeadOutboxBacklogStale",
                        "RobotDeliveriesFailing",
                        "ConsumerLagGrowing",
                        "ServiceDown");
    }

    @Test
    void everyAlertHasItsRunbookASummaryAndASeverity() {
        List<ObservabilityFiles.Rule> alerts = ObservabilityFiles.rules().stream()
                .filter(r -> r.alert() != null)
                .toList();
        SoftAssertions softly = new SoftAssertions();
        for (ObservabilityFiles.Rule alert : alerts) {
            softly.assertThat(alert.annotations().path("runbook_url").asString())
                    .as(alert.alert() + " runbook_url")
                    .isEqualTo("docs/operations.md#" + kebab(alert.alert()));
            softly.assertThat(ObservabilityFiles.textOrNull(alert.annotations().path("summary")))
                    .as(alert.alert() + " summary")
                    .isNotBlank();
            softly.assertThat(alert.labels().path("severity").asString())
                    .as(alert.alert() + " severity")
                    .isIn("critical", "warning");
        }
        softly.assertAll();
        for (var rule : ObservabilityFiles.rules()) {
            assertThat(rule.expr()).as(rule.alert() + " expr").isNotBlank();
        }
    }

    @Test
    void kebabCaseOfAnAlertName() {
        assertThat(kebab("LeadOutboxBacklogStale")).isEqualTo("lead-outbox-backlog-stale");
    }

    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
