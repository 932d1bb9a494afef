package cn.zschangfang.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.notify.support.LocalProfileTest;
import cn.zschangfang.platform.test.Http;
import cn.zschangfang.platform.test.KafkaProbe;
import cn.zschangfang.platform.test.MongoWireServer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What {@code ./run.sh} does: profile {@code local} with nothing else configured. The seeded demo agent's robot is
 * this service's own sandbox, so a captured lead shows up in {@code GET /api/notify/sandbox/messages}.
 */
@LocalProfileTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class LocalProfileDemoIT {

    @Autowired
    EmbeddedKafkaBroker broker;

    /** A free port chosen up front: the demo agent's default webhook is built from {@code server.port}. */
    static final int port = freePort();

    static int freePort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("notify-local-" + UUID.randomUUID()));
        registry.add("server.port", () -> port);
    }

    @Test
    void leadCapturedInTheLocalStackAppearsInTheSandboxInbox() throws Exception {
        Http http = new Http(port);
        // as ./run.sh does: wait for readiness, which includes the lead.captured consumer owning its partitions
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get("/actuator/health/readiness").statusCode() == 200);
        String leadId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String town = "沙溪镇";
        String json = """
                {"eventId":"%s","occurredAt":"%s","leadId":"%s","receivedAt":"%s","intent":"BUY","propertyType":"LAND",
                 "town":"%s","areaMu":{"min":20,"max":30},"phoneMasked":"138****9793","contactNameMasked":"张*","score":60}
                """.formatted(eventId, Instant.now(), leadId, Instant.now(), town);
        KafkaProbe.send(broker.getBrokersAsString(), "lead.captured", leadId, json, eventId);

        String list = "/api/notify/sandbox/messages?key=demo-geyiming";
        await().atMost(Duration.ofSeconds(15)).until(() -> http.get(list).body().contains(leadId));
        String inbox = http.get(list).body();
        assertThat(inbox).contains("\"msgtype\":\"markdown\"", "购买", "土地", "20–30 亩", "`138****9793`");
    }
}
