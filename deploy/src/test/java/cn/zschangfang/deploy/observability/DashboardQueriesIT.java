package cn.zschangfang.deploy.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.localstack.DemoData;
import cn.zschangfang.localstack.LocalStack;
import cn.zschangfang.localstack.StackConfig;
import cn.zschangfang.platform.test.RobotStub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric that a Grafana panel or an alert rule queries is one the services really expose. The real stack
 * (LocalStack, the packaged jars) gets one lead through the gateway (plus its duplicate and an invalid one, so that
 * the duplicate and rejection counters exist), one article view, and a robot that accepts the agent's message; then
 * every service's /actuator/prometheus is scraped and each query's metric names looked up in what they expose. Meters
 * that appear only once something happened (a tagged counter, the top-articles gauge after its refresh) are waited
 * for; whatever is still missing after that is listed with the panels and rules that name it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueriesIT {

    private static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir
    static Path dataDir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private RobotStub robots;
    private LocalStack stack;
    private StackConfig config;

    @BeforeAll
    void startStack() throws Exception {
        robots = new RobotStub();
        Path projectDir = StackConfig.projectDirOfTests();
        config = StackConfig.onFreePorts(
                projectDir,
                dataDir,
                Map.of(
                        "DEMO_AGENT_WEBHOOK",
                        robots.url("demo-agent"),
                        "DEMO_ROBOTS_URL",
                        robots.url(""),
                        // content-service's top-articles gauge: refreshed every 2 s instead of 30 s, so the view
                        // this test sends shows within the wait
                        "CONTENT_METRICS_TOP_ARTICLES_REFRESH",
                        "PT2S"));
        stack = LocalStack.startForTest(config, System.out);
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (robots != null) {
            robots.close();
        }
    }

    @Test
    void everyMetricThatADashboardPanelOrAnAlertRuleQueriesIsExposedByAService() throws Exception {
        produceTaggedMeters();

        List<ObservabilityFiles.Query> queries = new ArrayList<>(ObservabilityFiles.dashboardQueries());
        queries.addAll(ObservabilityFiles.ruleQueries());
        Set<String> recorded = ObservabilityFiles.rules().stream()
                .map(ObservabilityFiles.Rule::record)
                .filter(r -> r != null)
                .collect(Collectors.toSet());
        assertThat(queries).as("queries of the dashboards and rules").hasSizeGreaterThan(20);

        Map<String, Set<String>> exposedBy = new LinkedHashMap<>();
        Map<String, List<String>> missing;
        long deadline = System.nanoTime() + SETTLE.toNanos();
        do {
            exposedBy = scrapeAll();
            Set<String> exposed = new TreeSet<>();
            exposedBy.values().forEach(exposed::addAll);
            missing = MetricCoverage.missing(queries, exposed, recorded);
            if (!missing.isEmpty()) {
                Thread.sleep(2000);
            }
        } while (!missing.isEmpty() && System.nanoTime() < deadline);

        exposedBy.forEach((service, names) -> System.out.printf("%s exposes %d metric names%n", service, names.size()));
        Map<String, List<String>> report = missing;
        assertThat(missing)
                .as(() -> "metrics queried but exposed by no service (name <- queries naming it):\n"
                        + report.entrySet().stream()
                                .map(e -> "  " + e.getKey() + " <- " + e.getValue())
                                .collect(Collectors.joining("\n")))
                .isEmpty();
    }

    /** A lead to the robot, its duplicate, an invalid lead, a counted view. */
    private void produceTaggedMeters() throws Exception {
        String visitor = "obs-" + UUID.randomUUID();
        String lead = """
                {"intent":"LEASE","propertyType":"FACTORY","town":"沙溪","areaSqm":{"min":2000,"max":5000},
                 "contactName":"张三","phone":"13800138000","visitorId":"%s","consent":true}
                """.formatted(visitor);
        HttpResponse<String> created = post("/api/leads", lead, Map.of("X-Api-Key", StackConfig.INTEGRATION_KEY));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String leadId =
                ObservabilityFiles.JSON.readTree(created.body()).path("id").asString();
        assertThat(leadId).as(created.body()).isNotBlank();
        HttpResponse<String> duplicate = post("/api/leads", lead, Map.of("X-Api-Key", StackConfig.INTEGRATION_KEY));
        assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(200);
        HttpResponse<String> invalid = post(
                "/api/leads",
                "{\"intent\":\"LEASE\",\"propertyType\":\"FACTORY\",\"town\":\"沙溪\",\"contactName\":\"张三\","
                        + "\"phone\":\"12345\",\"consent\":true}",
                Map.of("X-Api-Key", StackConfig.INTEGRATION_KEY));
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        HttpResponse<String> view = post(
                "/api/content/articles/" + DemoData.SEED_ARTICLE + "/views",
                "{\"visitorId\":\"" + visitor + "\"}",
                Map.of());
        assertThat(view.statusCode()).as(view.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> robots.messages().stream().anyMatch(m -> m.mentions(leadId)));
    }

    private Map<String, Set<String>> scrapeAll() throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("gateway", config.gatewayPort());
        ports.put("content-service", config.contentPort());
        ports.put("lead-service", config.leadPort());
        ports.put("notify-service", config.notifyPort());
        ports.put("site", config.sitePort());
        Map<String, Set<String>> exposed = new LinkedHashMap<>();
        for (var service : ports.entrySet()) {
            HttpResponse<String> scrape = http.send(
                    HttpRequest.newBuilder(URI.create(config.url(service.getValue()) + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode())
                    .as(service.getKey() + " /actuator/prometheus")
                    .isEqualTo(200);
            exposed.put(service.getKey(), MetricCoverage.sampleNames(scrape.body()));
            // kept for whoever has to find out why a name is missing (or what a tag really looks like)
            Path saved = Path.of("target", "dashboard-queries", service.getKey() + ".prom");
            Files.createDirectories(saved.getParent());
            Files.writeString(saved, scrape.body());
        }
        return exposed;
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.url(config.gatewayPort()) + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
