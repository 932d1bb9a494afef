package cn.zschangfang.deploy.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every provisioned dashboard parses and every panel queries the provisioned Prometheus data source. */
class DashboardJsonTest {

    /** The uid of provisioning/datasources/prometheus.yml: a panel naming any other would show "data source not found". */
    private static final String DATASOURCE_UID = "prometheus";

    @Test
    void theDataSourceTheDashboardsNameIsTheProvisionedOne() throws Exception {
        JsonNode provisioned = ObservabilityFiles.YAML.readTree(java.nio.file.Files.readString(
                ObservabilityFiles.root().resolve("grafana/provisioning/datasources/prometheus.yml")));
        assertThat(provisioned.path("datasources").get(0).path("uid").asString())
                .isEqualTo(DATASOURCE_UID);
        assertThat(provisioned.path("datasources").get(0).path("type").asString())
                .isEqualTo("prometheus");
    }

    @Test
    void everyDashboardParsesAndEveryPanelHasTheDataSourceAndAQuery() {
        assertThat(ObservabilityFiles.dashboards()).as("dashboards").hasSizeGreaterThanOrEqualTo(4);
        SoftAssertions softly = new SoftAssertions();
        Set<String> uids = new HashSet<>();
        for (Path file : ObservabilityFiles.dashboards()) {
            JsonNode dashboard = ObservabilityFiles.readJson(file); // throws on malformed JSON
            String name = file.getFileName().toString();
            softly.assertThat(ObservabilityFiles.textOrNull(dashboard.path("uid")))
                    .as(name + " uid")
                    .isNotBlank();
            softly.assertThat(uids.add(dashboard.path("uid").asString()))
                    .as(name + " uid is unique")
                    .isTrue();
            softly.assertThat(ObservabilityFiles.textOrNull(dashboard.path("title")))
                    .as(name + " title")
                    .isNotBlank();
            softly.assertThat(ObservabilityFiles.panels(dashboard))
                    .as(name + " panels")
                    .isNotEmpty();
            for (JsonNode panel : ObservabilityFiles.panels(dashboard)) {
                String where = name + " · " + panel.path("title").asString();
                softly.assertThat(panel.path("datasource").path("uid").asString())
                        .as(where + " datasource")
                        .isEqualTo(DATASOURCE_UID);
                softly.assertThat(panel.path("targets").isArray()
                                && !panel.path("targets").isEmpty())
                        .as(where + " has at least one target")
                        .isTrue();
                for (JsonNode target : panel.path("targets")) {
                    softly.assertThat(ObservabilityFiles.textOrNull(target.path("expr")))
                            .as(where + " target " + target.path("refId").asString() + " expr")
                            .isNotBlank();
                    softly.assertThat(target.path("datasource").path("uid").asString())
                            .as(where + " target " + target.path("refId").asString() + " datasource")
                            .isEqualTo(DATASOURCE_UID);
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void everyQueryNamesAtLeastOneMetric() {
        for (ObservabilityFiles.Query query : ObservabilityFiles.dashboardQueries()) {
            assertThat(PromQl.metricNames(query.expr())).as(query.origin()).isNotEmpty();
        }
    }
}
