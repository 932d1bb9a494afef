package cn.zschangfang.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.platform.test.RobotStub;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole platform as {@code ./run.sh} starts it — the real Kafka broker from Apache's jars, the MongoDB-wire
 * server, the four packaged services in their own JVMs — on random free ports, with a local HTTP server standing in
 * for the WeChat Work group robot of the demo agent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private RobotStub robots;
    private LocalStack stack;
    private String gateway;

    @BeforeAll
    void startStack() throws Exception {
        robots = new RobotStub();

        Path projectDir = StackConfig.projectDirOfTests();
        StackConfig config = StackConfig.onFreePorts(
                projectDir,
                dataDir,
                // Every demo agent's robot is this stub: leads go to the agent of their town (三乡 → 黄涛, 小榄 → 陈静).
                Map.of("DEMO_AGENT_WEBHOOK", robots.url("demo-agent"), "DEMO_ROBOTS_URL", robots.url("")));
        stack = LocalStack.startForTest(config, System.out);
        gateway = "http://127.0.0.1:" + config.gatewayPort();
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
    void leadPostedToTheGatewayReachesTheAgentsRobotWithMaskedPhoneAndIsOnKafkaAsACloudEvent() throws Exception {
        String visitor = "e2e-" + UUID.randomUUID();
        long started = System.nanoTime();
        HttpResponse<String> created =
                post("/api/leads", """
                {"intent":"LEASE","propertyType":"FACTORY","town":"沙溪","areaSqm":{"min":2000,"max":5000},
                 "use":"服装加工","expectedAnnualTaxWan":80,"company":"中山市某某制衣有限公司",
                 "contactName":"张三","phone":"+86 138-0013-8000","message":"需要一楼厂房,层高6米以上",
                 "visitorId":"%s","consent":true}
                """.formatted(visitor), Map.of("X-Api-Key", StackConfig.INTEGRATION_KEY));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode lead = JSON.readTree(created.body());
        String leadId = lead.get("id").asText();
        assertThat(lead.get("status").asText()).isEqualTo("NEW");
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(leadId));

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> robots.messages().stream().anyMatch(m -> m.mentions(leadId)));
        System.out.printf(
                "lead %s reached the robot %d ms after the POST%n", leadId, (System.nanoTime() - started) / 1_000_000);

        RobotStub.Message message = robots.messages().stream()
                .filter(m -> m.mentions(leadId))
                .findFirst()
                .orElseThrow();
        assertThat(message.msgtype()).isEqualTo("markdown");
        assertThat(message.content()).contains("沙溪镇", "138****8000", "服装加工");
        assertThat(message.body()).doesNotContain("13800138000").doesNotContain("张三");

        ConsumerRecord<String, String> event = findOnTopic("lead.captured", leadId);
        assertThat(event.key()).isEqualTo(leadId);
        Map<String, String> headers = headers(event);
        assertThat(headers).containsKeys("ce_id", "ce_source", "ce_type", "ce_specversion", "ce_time");
        assertThat(headers.get("ce_specversion")).isEqualTo("1.0");
        assertThat(headers.get("ce_type")).isEqualTo("cn.zschangfang.lead.captured.v1");
        assertThat(JSON.readTree(event.value()).get("eventId").asText()).isEqualTo(headers.get("ce_id"));

        // One trace from the visitor's click to the agent's phone: the id the gateway answered with is in the
        // Kafka record's W3C traceparent and in the logs of the gateway, lead-service and notify-service.
        String traceId = created.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(headers.get("traceparent")).contains(traceId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String service : List.of("gateway", "lead-service", "notify-service")) {
                assertThat(Files.readString(stack.config().logDir().resolve(service + ".log")))
                        .as(service + " log")
                        .contains("\"traceId\":\"" + traceId + "\"");
            }
        });
        for (String service : List.of("gateway", "lead-service", "notify-service", "content-service")) {
            assertThat(Files.readString(stack.config().logDir().resolve(service + ".log")))
                    .as("no personal data in the " + service + " log")
                    .doesNotContain("13800138000", "张三");
        }
    }

    @Test
    void articleViewThroughTheGatewayIsCountedAndPublished() throws Exception {
        String path = "/api/content/articles/" + DemoData.SEED_ARTICLE;
        HttpResponse<String> before = get(path);
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        JsonNode article = JSON.readTree(before.body());
        assertThat(article.get("title").asText()).isEqualTo("对标顺德闯出新路!中山专题研讨低效工业园改造问题");
        long views = article.get("views").asLong();

        HttpResponse<String> beacon =
                post(path + "/views", "{\"visitorId\":\"e2e-" + UUID.randomUUID() + "\"}", Map.of());
        assertThat(beacon.statusCode()).as(beacon.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> JSON.readTree(get(path).body()).get("views").asLong() == views + 1);
    }

    /** The broker, then notify-service, is killed; a lead accepted meanwhile reaches the agent once it is back. */
    @ParameterizedTest(name = "{0} down")
    @CsvSource({"kafka, 三乡, 13912345678, 90", "notify-service, 小榄, 13712345678, 120"})
    void leadAcceptedWhileAProcessIsDownReachesTheAgentExactlyOnceAfterTheSupervisorHasRestartedIt(
            String process, String town, String phone, int restartSeconds) throws Exception {
        stack.crash(process);

        HttpResponse<String> created = post("/api/leads", leadJson(town, phone), apiKey());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String leadId = JSON.readTree(created.body()).get("id").asText();
        assertThat(stack.awaitReady(process, Duration.ofSeconds(restartSeconds)))
                .isTrue();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> robots.messages().stream().anyMatch(m -> m.mentions(leadId)));
        // And stays at one: a re-send after the restart would arrive within a few seconds of the first.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> robots.messages().stream()
                                .filter(m -> m.mentions(leadId))
                                .count()
                        == 1);
    }

    @Test
    void invalidLeadIsA400ProblemNamingTheField() throws Exception {
        HttpResponse<String> response = post("/api/leads", """
                {"intent":"LEASE","propertyType":"FACTORY","town":"沙溪","contactName":"张三","phone":"12345","consent":true}
                """, Map.of("X-Api-Key", StackConfig.INTEGRATION_KEY));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"phone\"");
    }

    private static String leadJson(String town, String phone) {
        return """
                {"intent":"BUY","propertyType":"LAND","town":"%s","areaMu":{"min":20,"max":30},
                 "contactName":"李四","phone":"%s","visitorId":"%s","consent":true}
                """.formatted(town, phone, "e2e-" + UUID.randomUUID());
    }

    private static Map<String, String> apiKey() {
        return Map.of("X-Api-Key", StackConfig.INTEGRATION_KEY);
    }

    private ConsumerRecord<String, String> findOnTopic(String topic, String key) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.config().kafkaBrokers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8).replace("\"", ""));
        }
        return headers;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(gateway + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
