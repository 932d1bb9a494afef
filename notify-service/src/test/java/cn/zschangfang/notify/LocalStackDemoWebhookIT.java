package cn.zschangfang.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.notify.support.FakeRobot;
import cn.zschangfang.notify.support.LocalProfileTest;
import cn.zschangfang.platform.test.Http;
import cn.zschangfang.platform.test.KafkaProbe;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lead engineer's end-to-end setting: profile {@code local}, {@code DEMO_AGENT_WEBHOOK} pointing to a local
 * HTTP server, and the local stack's store (mongo-java-server with its H2 backend).
 */
@LocalProfileTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocalStackDemoWebhookIT {

    static final FakeRobot ROBOT = new FakeRobot();
    static final MongoServer H2_MONGO = new MongoServer(H2Backend.inMemory());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        H2_MONGO.bind("127.0.0.1", 0);
        registry.add(
                "spring.mongodb.uri",
                () -> "mongodb://127.0.0.1:" + H2_MONGO.getLocalAddress().getPort() + "/notify");
        registry.add("DEMO_AGENT_WEBHOOK", () -> ROBOT.url("/robot"));
    }

    @AfterAll
    static void stop() {
        H2_MONGO.shutdownNow();
        ROBOT.close();
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @LocalServerPort
    int port;

    @Test
    void demoAgentWebhookReceivesTheMarkdownOnceAndTheAckLinkWorks() throws Exception {
        Http http = new Http(port);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get("/actuator/health/readiness").statusCode() == 200);
        String leadId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String json = """
                {"eventId":"%s","occurredAt":"%s","leadId":"%s","receivedAt":"%s","intent":"LEASE",
                 "propertyType":"FACTORY","town":"沙溪镇","areaSqm":{"min":800,"max":1200},"use":"注塑",
                 "phoneMasked":"139****1234","contactNameMasked":"李*","score":75,"message":"<@all> 急"}
                """.formatted(eventId, Instant.now(), leadId, Instant.now());

        KafkaProbe.send(broker.getBrokersAsString(), "lead.captured", leadId, json, eventId);
        KafkaProbe.send(broker.getBrokersAsString(), "lead.captured", leadId, json, eventId);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> ROBOT.received("/robot").size() == 1);
        // and stays at one: the redelivered event must not be sent again
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> ROBOT.received("/robot").size() == 1);
        JsonNode body = JsonMapper.builder()
                .build()
                .readTree(ROBOT.received("/robot").get(0).body());
        assertThat(body.get("msgtype").asString()).isEqualTo("markdown");
        String content = body.get("markdown").get("content").asString();
        assertThat(content)
                .contains("沙溪镇", "`139****1234`", "编号 " + leadId, "http://localhost:8080/agent")
                .doesNotContain("<@all>");

        Matcher ack =
                Pattern.compile("http://localhost:8080(/ack/[A-Za-z0-9_.-]+)").matcher(content);
        assertThat(ack.find()).isTrue();
        assertThat(http.get(ack.group(1)).body()).contains("已确认接单");
        assertThat(http.get(ack.group(1)).body()).contains("已确认过");
    }
}
