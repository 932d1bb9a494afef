package cn.zschangfang.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.lead.capture.TestInquiry;
import cn.zschangfang.lead.inquiry.LeadRepository;
import cn.zschangfang.lead.inquiry.LeadStatus;
import cn.zschangfang.lead.privacy.PersonalData;
import cn.zschangfang.platform.test.Http;
import cn.zschangfang.platform.test.KafkaProbe;
import cn.zschangfang.platform.test.MongoWireDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on a real KRaft broker (spring-kafka-test) and the MongoDB-wire stand-in, shared by the
 * feature ITs (capture, duplicates, enrichment, lifecycle, desk, privacy, spam, metrics): one Spring context, one
 * broker and one database for all of them, so every subclass must leave the same configuration.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
            "lead.admin-token=it-admin-token",
            "lead.integration-api-keys=partner=it-partner-key,loadtest=it-load-key",
            "lead.spam.altcha-hmac-key=it-altcha-key",
            "lead.spam.altcha-max-number=2000",
            "lead.spam.min-fill-time=2s",
            "lead.spam.per-phone-per-day=6",
            "lead.duplicate-window=24h",
            "lead.spam.per-ip-per-hour=4",
            "lead.outbox.relay-interval=500ms",
            "lead.outbox.relay-min-age=1s",
            "lead.metrics.outbox-refresh=PT0.5S",
            "lead.retention.period=365d",
            // Tests log at WARN (platform-test); the personal-data test reads this service's INFO lines.
            "logging.level.cn.zschangfang.lead=INFO"
        })
@LeadKafka
@ExtendWith(OutputCaptureExtension.class)
@MongoWireDatabase("leads-it")
abstract class LeadServiceITBase {

    /** Shared by every subclass, like the cached context that points at it; it stops with the test JVM. */
    static final NotifyAuthStub NOTIFY = new NotifyAuthStub();

    static final AtomicInteger PHONES = new AtomicInteger(1000);
    static final String PARTNER_KEY = "it-partner-key";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("lead.notify-url", NOTIFY::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    LeadRepository leads;

    @Autowired
    PersonalData personalData;

    @Autowired
    JsonMapper json;

    @Autowired
    MongoTemplate mongo;

    Http http() {
        return new Http(port);
    }

    static String uniquePhone() {
        return "1390000" + PHONES.incrementAndGet();
    }

    static TestInquiry inquiry(String phone) {
        return TestInquiry.inquiry().phone(phone);
    }

    String capture(String body) {
        HttpResponse<String> response = http().post("/api/leads", body, "X-Api-Key", PARTNER_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asString();
    }

    List<ConsumerRecord<String, String>> published(String topic, String leadId, int atLeast) {
        return KafkaProbe.read(
                broker.getBrokersAsString(), topic, r -> leadId.equals(r.key()), atLeast, Duration.ofSeconds(20));
    }

    /** notify-service's {@code lead.routed}: the lead went to this agent (only the members lead-service reads). */
    void sendRouted(String leadId, String agentId, String agentName, String strategy, boolean escalation) {
        send(
                "lead.routed",
                leadId,
                TestInquiry.members(
                        "eventId", UUID.randomUUID().toString(),
                        "leadId", leadId,
                        "agentId", agentId,
                        "agentName", agentName,
                        "strategy", strategy,
                        "escalation", escalation));
    }

    /** One step of notify-service's {@code notify.delivery} to the lead's agent; a null attempt is left out. */
    void sendDelivery(String leadId, String agentId, String channel, String purpose, String status, Integer attempt) {
        send(
                "notify.delivery",
                leadId,
                TestInquiry.members(
                        "eventId", UUID.randomUUID().toString(),
                        "leadId", leadId,
                        "agentId", agentId,
                        "channel", channel,
                        "purpose", purpose,
                        "status", status,
                        "attempt", attempt));
    }

    // Keyed by the lead, as notify-service sends them: one partition, so they are consumed in the order sent.
    private void send(String topic, String leadId, Map<String, Object> event) {
        KafkaProbe.send(broker.getBrokersAsString(), topic, leadId, json.writeValueAsString(event));
    }

    void awaitStatus(String id, LeadStatus status) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> leads.findById(id).orElseThrow().status() == status);
    }
}
