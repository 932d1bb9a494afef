package cn.zschangfang.notify.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.notify.agent.AgentRegistry;
import cn.zschangfang.notify.support.AgentSpecBuilder;
import cn.zschangfang.notify.support.FakeRobot;
import cn.zschangfang.notify.support.NotifyIntegrationTest;
import cn.zschangfang.notify.support.NotifyServiceTest;
import cn.zschangfang.platform.test.KafkaProbe;
import cn.zschangfang.platform.test.MongoWireDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Many leads to many agents at once (issue #13): each is delivered exactly once, a slow robot does not hold up the
 * others (sends run in the send pool, not on the consumer thread), and everything notify publishes about a lead is
 * keyed by it (one partition, so lead-service reads it in order). Also counts the MongoDB commands per lead, the
 * figure the profile is about. Own context: six partitions and three consumers, unlike the shared one.
 */
@NotifyServiceTest(properties = "spring.cloud.stream.bindings.leadCaptured-in-0.consumer.concurrency=3", partitions = 6)
@MongoWireDatabase("notify-concurrent-it")
class ConcurrentIntakeIT {

    private static final FakeRobot ROBOT = new FakeRobot();
    private static final AtomicLong COMMANDS = new AtomicLong();
    private static final int AGENTS = 50;
    private static final int LEADS = Integer.getInteger("concurrent-intake.leads", 300);
    /** Every robot answers after this long, as a real one across the internet does (the profile saw 27 ms). */
    private static final long ROBOT_MILLIS = 100;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    AgentRegistry registry;

    @Autowired
    MongoTemplate mongo;

    @TestConfiguration
    static class CountCommands {
        @Bean
        MongoClientSettingsBuilderCustomizer countCommands() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    COMMANDS.incrementAndGet();
                }
            });
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        NotifyIntegrationTest.seedDutyManager(registry, ROBOT.url("/duty"));
    }

    @AfterAll
    static void stopRobot() {
        ROBOT.close();
    }

    @Test
    void manyLeadsToManyAgentsAreEachDeliveredOnceWithoutWaitingForEachOthersRobots() {
        List<String> towns = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String town = "并发镇" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            registry.create(AgentSpecBuilder.agent("conc-" + i)
                    .wecom(ROBOT.url("/c/" + i))
                    .towns(List.of(town))
                    .build());
            towns.add(town);
        }
        ROBOT.defaultReply(new FakeRobot.Reply(200, "{\"errcode\":0,\"errmsg\":\"ok\"}", ROBOT_MILLIS));
        // robot 0 hangs for 3 s on its first message: the leads behind it in its partition must not wait for it
        ROBOT.script("/c/0", new FakeRobot.Reply(200, "{\"errcode\":0,\"errmsg\":\"ok\"}", 3000));

        List<String> leadIds = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        for (int n = 0; n < LEADS; n++) {
            String leadId = UUID.randomUUID().toString();
            leadIds.add(leadId);
            payloads.add(NotifyIntegrationTest.leadJson(
                    leadId, UUID.randomUUID().toString(), towns.get(n % AGENTS), "想租厂房"));
        }
        long commandsBefore = COMMANDS.get();
        long started = System.nanoTime();
        publishAll(leadIds, payloads);

        await().atMost(Duration.ofSeconds(Long.getLong("concurrent-intake.max-seconds", 20)))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> mongo.count(Query.query(Criteria.where("_id").in(leadIds)), "lead_cases") == LEADS);
        double routedSeconds = (System.nanoTime() - started) / 1e9;
        // one after another this would take LEADS × ROBOT_MILLIS = 30 s on robot answers alone
        await().atMost(Duration.ofSeconds(Long.getLong("concurrent-intake.max-seconds", 20)))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> sent(leadIds) == LEADS);
        double seconds = (System.nanoTime() - started) / 1e9;
        long commands = COMMANDS.get() - commandsBefore;
        System.out.printf(
                "ConcurrentIntakeIT: %d leads to %d agents routed in %.2f s, delivered in %.2f s (%.0f leads/s), %d"
                        + " MongoDB commands (%.1f per lead)%n",
                LEADS, AGENTS, routedSeconds, seconds, LEADS / seconds, commands, commands / (double) LEADS);

        for (int i = 0; i < AGENTS; i++) {
            List<FakeRobot.Request> got = ROBOT.received("/c/" + i);
            for (int n = i; n < LEADS; n += AGENTS) {
                String leadId = leadIds.get(n);
                assertThat(got.stream().filter(r -> r.body().contains(leadId)))
                        .as("messages naming lead %s", leadId)
                        .hasSize(1);
            }
        }
        assertKeyedOncePerLead("lead.routed", leadIds);
    }

    /**
     * Each lead's event is on the topic under one event id, keyed by the lead (so in the lead's one partition). The
     * outbox may publish an event twice (at-least-once; consumers deduplicate by event id), never two different ones.
     */
    private void assertKeyedOncePerLead(String topic, List<String> leadIds) {
        List<ConsumerRecord<String, String>> records = KafkaProbe.read(
                broker.getBrokersAsString(),
                topic,
                r -> leadIds.contains(r.key()),
                leadIds.size(),
                Duration.ofSeconds(10));
        Map<String, Set<String>> eventIdsPerLead = records.stream()
                .collect(Collectors.groupingBy(
                        ConsumerRecord::key,
                        Collectors.mapping(r -> KafkaProbe.header(r, "ce_id"), Collectors.toSet())));
        assertThat(eventIdsPerLead).hasSize(leadIds.size());
        assertThat(eventIdsPerLead.values()).allMatch(ids -> ids.size() == 1);
        assertThat(records).allMatch(r -> r.value().contains(r.key()));
        System.out.printf(
                "ConcurrentIntakeIT: %d %s records for %d leads%n", records.size(), topic, eventIdsPerLead.size());
    }

    /** All at once through one producer, with the CloudEvents headers lead-service sets. */
    private void publishAll(List<String> keys, List<String> payloads) {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < keys.size(); i++) {
                ProducerRecord<String, String> record =
                        new ProducerRecord<>("lead.captured", keys.get(i), payloads.get(i));
                Map.of(
                                "ce_id", UUID.randomUUID().toString(),
                                "ce_specversion", "1.0",
                                "ce_source", "urn:zschangfang:lead-service",
                                "ce_type", "cn.zschangfang.lead.captured.v1",
                                "contentType", "application/json")
                        .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                producer.send(record);
            }
            producer.flush();
        }
    }

    private long sent(List<String> leadIds) {
        return mongo.count(
                Query.query(Criteria.where("leadId").in(leadIds).and("status").is("SENT")),
                Document.class,
                "deliveries");
    }
}
