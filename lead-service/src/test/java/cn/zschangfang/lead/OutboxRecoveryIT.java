package cn.zschangfang.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.lead.capture.TestInquiry;
import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadRepository;
import cn.zschangfang.lead.inquiry.PendingEvent;
import cn.zschangfang.lead.outbox.OutboxPublisher;
import cn.zschangfang.platform.test.Http;
import cn.zschangfang.platform.test.KafkaProbe;
import cn.zschangfang.platform.test.MongoWireServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.util.TestSocketUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The loss scenarios of the outbox, each with real processes of the service (started and stopped here) against a
 * real KRaft broker: a crash between the write and the publish, and a broker that is down when the lead arrives.
 */
class OutboxRecoveryIT {

    static final String TOPICS = "lead.captured,lead.status-changed,content.article-viewed,lead.routed,notify.delivery";

    final JsonMapper json = new JsonMapper();

    static ConfigurableApplicationContext start(String brokers, String database, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                "--spring.mongodb.uri=" + MongoWireServer.uri(database),
                "--lead.admin-token=recovery-admin",
                "--lead.integration-api-keys=partner=recovery-key",
                "--lead.spam.altcha-hmac-key=recovery-altcha",
                "--lead.outbox.relay-interval=500ms",
                "--lead.outbox.relay-min-age=500ms",
                "--lead.outbox.relay-initial-delay=200ms"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(LeadServiceApplication.class).run(args.toArray(String[]::new));
    }

    static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    String submit(ConfigurableApplicationContext context, String phone) {
        HttpResponse<String> response = http(context)
                .post("/api/leads", TestInquiry.inquiry().phone(phone).json(), "X-Api-Key", "recovery-key");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asString();
    }

    static EmbeddedKafkaKraftBroker broker() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, TOPICS.split(","));
        broker.afterPropertiesSet();
        return broker;
    }

    @Test
    void crashBetweenWriteAndPublishIsPublishedOnRestartAndARepublishKeepsTheEventId() {
        EmbeddedKafkaKraftBroker broker = broker();
        try {
            String brokers = broker.getBrokersAsString();
            String id;
            // First process: writes the lead but dies before publishing (publisher and relay off = the crash window).
            try (ConfigurableApplicationContext crashed = start(
                    brokers,
                    "recovery-crash",
                    "--lead.outbox.publish-after-write=false",
                    "--lead.outbox.relay-enabled=false")) {
                id = submit(crashed, "13700000001");
                Lead stored = crashed.getBean(LeadRepository.class).findById(id).orElseThrow();
                assertThat(stored.pendingEvents()).hasSize(1);
            }
            assertThat(KafkaProbe.read(brokers, "lead.captured", r -> id.equals(r.key()), 1, Duration.ofSeconds(2)))
                    .isEmpty();

            try (ConfigurableApplicationContext restarted = start(brokers, "recovery-crash")) {
                LeadRepository leads = restarted.getBean(LeadRepository.class);
                await().atMost(Duration.ofSeconds(30))
                        .until(() ->
                                leads.findById(id).orElseThrow().pendingEvents().isEmpty());
                List<ConsumerRecord<String, String>> records =
                        KafkaProbe.read(brokers, "lead.captured", r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
                assertThat(records).hasSize(1);
                String eventId =
                        json.readTree(records.get(0).value()).get("eventId").asString();

                // A crash after the broker's ack but before the outbox was cleared re-sends: same event id, same
                // bytes, so consumers that deduplicate by eventId see it once.
                Lead lead = leads.findById(id).orElseThrow();
                PendingEvent resent = new PendingEvent(
                        eventId,
                        "leadCaptured-out-0",
                        "cn.zschangfang.lead.captured.v1",
                        id,
                        records.get(0).value(),
                        lead.receivedAt());
                leads.save(lead.withPendingEvent(resent));
                assertThat(restarted.getBean(OutboxPublisher.class).publishPending(id))
                        .isTrue();
                List<ConsumerRecord<String, String>> twice =
                        KafkaProbe.read(brokers, "lead.captured", r -> id.equals(r.key()), 2, Duration.ofSeconds(20));
                assertThat(twice).hasSize(2);
                assertThat(twice)
                        .allSatisfy(
                                r -> assertThat(KafkaProbe.header(r, "ce_id")).isEqualTo(eventId));
                assertThat(twice.get(1).value()).isEqualTo(twice.get(0).value());
            }
        } finally {
            broker.destroy();
        }
    }

    @Test
    void brokerDownAtSubmitStillAnswers201AndTheEventGoesOutWhenTheBrokerIsBack() throws Exception {
        int port = TestSocketUtils.findAvailableTcpPort();
        String brokers = "127.0.0.1:" + port;
        try (ConfigurableApplicationContext app = start(
                brokers,
                "recovery-outage",
                // Without a broker the consumers cannot join their groups; only the producer side matters here.
                "--spring.cloud.function.definition=none")) {
            // The first request of a fresh JVM pays for initialization; on a loaded CI machine that alone can take
            // seconds. The promise measured is the next one: an outage adds no wait for Kafka.
            submit(app, "13700000012");
            long before = System.nanoTime();
            String id = submit(app, "13700000002");
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
            LeadRepository leads = app.getBean(LeadRepository.class);
            assertThat(leads.findById(id).orElseThrow().pendingEvents()).hasSize(1);

            EmbeddedKafkaKraftBroker broker = broker();
            String[] hostPort = broker.getBrokersAsString().split(",")[0].split(":");
            try (TcpForwarder forwarder = new TcpForwarder(port, hostPort[0], Integer.parseInt(hostPort[1]))) {
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() ->
                                leads.findById(id).orElseThrow().pendingEvents().isEmpty());
                List<ConsumerRecord<String, String>> records = KafkaProbe.read(
                        broker.getBrokersAsString(),
                        "lead.captured",
                        r -> id.equals(r.key()),
                        1,
                        Duration.ofSeconds(20));
                assertThat(records).hasSize(1);
                assertThat(ContractSchemas.validate(
                                "lead.captured", records.get(0).value()))
                        .isEmpty();
            } finally {
                broker.destroy();
            }
        }
    }
}
