package cn.zschangfang.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.localstack.DemoData;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Poison records on every topic a service consumes: not JSON, invalid UTF-8, wrong types, operator keys, deep
 * nesting, huge values, tombstones, with and without CloudEvents headers. Every consumer must keep going (a valid
 * lead and a view still flow end to end afterwards) and an unprocessable lead event must land on its dead-letter topic.
 */
@Order(6)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoisonRecordsIT {

    private static final List<String> CONSUMED =
            List.of("lead.captured", "lead.status-changed", "lead.routed", "notify.delivery", "content.article-viewed");

    private SharedStack stack;
    private final Http http = new Http();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void start() throws Exception {
        stack = SharedStack.get();
    }

    static List<byte[]> poison() {
        String id = UUID.randomUUID().toString();
        List<String> texts = List.of(
                "not json",
                "",
                "{",
                "null",
                "[]",
                "42",
                "\"just a string\"",
                "{\"eventId\":null,\"leadId\":null}",
                "{\"eventId\":{\"$gt\":\"\"},\"leadId\":{\"$where\":\"1\"}}",
                "{\"eventId\":\"" + id + "\",\"leadId\":\"fz-" + id + "\",\"town\":{\"$ne\":1},\"score\":\"high\","
                        + "\"receivedAt\":\"yesterday\",\"areaSqm\":\"big\",\"status\":42,\"articleId\":[]}",
                "[".repeat(10_000) + "]".repeat(10_000),
                "{\"eventId\":\"" + UUID.randomUUID() + "\",\"message\":\"" + "長".repeat(200_000) + "\"}");
        List<byte[]> values = new ArrayList<>();
        texts.forEach(t -> values.add(t.getBytes(StandardCharsets.UTF_8)));
        values.add(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, '{'});
        values.add(null);
        return values;
    }

    @Test
    void consumersKeepGoingAfterPoisonAndUnprocessableLeadEventsGoToTheDeadLetterTopic() throws Exception {
        long viewsBefore = new ViewTraffic(stack.gatewayUrl()).views();
        Set<String> leadCapturedKeys = new HashSet<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.config.kafkaBrokers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        2_000_000),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (String topic : CONSUMED) {
                List<byte[]> values = poison();
                for (int i = 0; i < values.size(); i++) {
                    String key = "fz-poison-" + run + "-" + i;
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, values.get(i));
                    if (i % 2 == 0) {
                        record.headers()
                                .add("ce_id", ("\"" + UUID.randomUUID() + "\"").getBytes(StandardCharsets.UTF_8))
                                .add("ce_specversion", "\"1.0\"".getBytes(StandardCharsets.UTF_8))
                                .add(
                                        "ce_type",
                                        ("\"cn.zschangfang." + topic + ".v1\"").getBytes(StandardCharsets.UTF_8))
                                .add("contentType", "\"application/json\"".getBytes(StandardCharsets.UTF_8));
                    }
                    producer.send(record).get(10, TimeUnit.SECONDS);
                    if (topic.equals("lead.captured")) {
                        leadCapturedKeys.add(key);
                    }
                }
            }
        }

        // Everything downstream of each consumer still works: capture -> notify -> robot -> lead status; views.
        LeadTraffic.Sent lead;
        try (LeadTraffic traffic = new LeadTraffic(stack.gatewayUrl())) {
            lead = traffic.send("黄圃镇", false);
        }
        assertThat(lead.accepted()).as("lead after poison: " + lead.status()).isTrue();
        Http.Reply beacon = http.post(
                stack.gatewayUrl() + "/api/content/articles/" + DemoData.SEED_ARTICLE + "/views",
                "{\"visitorId\":\"fz-after-poison-" + run + "\"}",
                Map.of());
        assertThat(beacon.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !stack.robots.messagesFor(lead.leadId()).isEmpty());
        ObjectMapper json = new ObjectMapper();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "NOTIFIED"
                        .equals(json.readTree(http.get(
                                                stack.leadUrl() + "/api/leads/" + lead.leadId(),
                                                Http.bearer(SharedStack.ADMIN))
                                        .body())
                                .path("status")
                                .asText()));
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> new ViewTraffic(stack.gatewayUrl()).views() >= viewsBefore + 1);

        Set<String> dead = deadLetterKeys(leadCapturedKeys);
        System.out.printf(
                "poison: %d records on each of %s; %d of the %d on lead.captured reached lead.captured.dlq%n",
                poison().size(), CONSUMED, dead.size(), leadCapturedKeys.size());
        // Not JSON at all cannot be a lead event: those must be dead letters, not silently dropped.
        assertThat(dead).contains("fz-poison-" + run + "-0", "fz-poison-" + run + "-2");
        for (int port : List.of(
                stack.config.contentPort(),
                stack.config.leadPort(),
                stack.config.notifyPort(),
                stack.config.gatewayPort())) {
            assertThat(http.get(stack.config.url(port) + "/actuator/health/readiness", Map.of())
                            .status())
                    .as("readiness of :" + port)
                    .isEqualTo(200);
        }
    }

    private Set<String> deadLetterKeys(Set<String> wanted) {
        Set<String> found = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.config.kafkaBrokers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "fz-dlq-" + run,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("lead.captured.dlq"));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                        if (r.key() != null && wanted.contains(r.key())) {
                            found.add(r.key());
                        }
                    });
                    return found.containsAll(Set.of("fz-poison-" + run + "-0", "fz-poison-" + run + "-2"));
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // The assertion after this reports what was missing.
            }
            // A little longer for the rest, bounded.
            for (int i = 0; i < 6; i++) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.key() != null && wanted.contains(r.key())) {
                        found.add(r.key());
                    }
                });
            }
        }
        return found;
    }
}
