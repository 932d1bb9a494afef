package cn.zschangfang.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.notify.agent.AgentRegistry;
import cn.zschangfang.notify.delivery.Delivery;
import cn.zschangfang.notify.delivery.DeliveryStatus;
import cn.zschangfang.notify.support.AgentSpecBuilder;
import cn.zschangfang.notify.support.FakeRobot;
import cn.zschangfang.platform.test.ContainerImages;
import cn.zschangfang.platform.test.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The delivery path on a real MongoDB 8 (replica set) and a real Apache Kafka 4.1 broker. Skipped where there is
 * no Docker engine; runs for real where there is.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "notify.admin-token=tc-admin-token-1",
            "notify.ack.signing-secret=tc-ack-secret-1",
            "notify.webhooks.allow-loopback=true",
            "notify.delivery.sweep-interval=200ms",
        })
class NotifyContainersIT {

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.mongo());

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(ContainerImages.kafka());

    static final FakeRobot ROBOT = new FakeRobot();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", KAFKA::getBootstrapServers);
    }

    @Autowired
    AgentRegistry registry;

    @Autowired
    MongoTemplate mongo;

    @Test
    void leadIsDeliveredExactlyOnceEvenWhenTheEventIsRedelivered() {
        String town = "石岐街道";
        registry.create(AgentSpecBuilder.agent("tc-agent")
                .name("测试")
                .wecom(ROBOT.url("/tc"))
                .towns(List.of(town))
                .build());
        String leadId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String json = """
                {"eventId":"%s","occurredAt":"%s","leadId":"%s","receivedAt":"%s","intent":"LEASE",
                 "propertyType":"FACTORY","town":"%s","phoneMasked":"138****9793","score":50}
                """.formatted(eventId, Instant.now(), leadId, Instant.now(), town);

        KafkaProbe.send(KAFKA.getBootstrapServers(), "lead.captured", leadId, json, eventId);
        KafkaProbe.send(KAFKA.getBootstrapServers(), "lead.captured", leadId, json, eventId);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !ROBOT.received("/tc").isEmpty());
        // and stays at one: a second delivery would arrive within a few seconds of the first
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> ROBOT.received("/tc").size() == 1);
        assertThat(mongo.find(Query.query(Criteria.where("leadId").is(leadId)), Delivery.class))
                .singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
        var routed = KafkaProbe.read(
                KAFKA.getBootstrapServers(), "lead.routed", r -> leadId.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(routed).isNotEmpty();
    }
}
