package cn.zschangfang.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.lead.capture.TestInquiry;
import cn.zschangfang.lead.inquiry.LeadRepository;
import cn.zschangfang.platform.test.ContainerImages;
import cn.zschangfang.platform.test.Http;
import cn.zschangfang.platform.test.KafkaProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same capture → outbox → broker path on real MongoDB 8 and Apache Kafka 4.1 containers. Skipped where there
 * is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "lead.admin-token=tc-admin",
            "lead.integration-api-keys=partner=tc-key",
            "lead.spam.altcha-hmac-key=tc-altcha"
        })
class LeadServiceContainersIT {

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.mongo());

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(ContainerImages.kafka());

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", KAFKA::getBootstrapServers);
    }

    @LocalServerPort
    int port;

    @Autowired
    LeadRepository leads;

    final JsonMapper json = new JsonMapper();

    @Test
    void capturedLeadIsStoredInMongoAndPublishedOnceToKafka() {
        String body = TestInquiry.inquiry()
                .intent("BUY")
                .propertyType("LAND")
                .town("火炬")
                .json();
        HttpResponse<String> created = new Http(port).post("/api/leads", body, "X-Api-Key", "tc-key");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();
        HttpResponse<String> again = new Http(port).post("/api/leads", body, "X-Api-Key", "tc-key");
        assertThat(again.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> leads.findById(id).orElseThrow().pendingEvents().isEmpty());
        List<ConsumerRecord<String, String>> records = KafkaProbe.read(
                KAFKA.getBootstrapServers(), "lead.captured", r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(ContractSchemas.validate("lead.captured", records.get(0).value()))
                .isEmpty();
        assertThat(leads.findById(id).orElseThrow().inquiry().town()).isEqualTo("火炬开发区");
    }
}
