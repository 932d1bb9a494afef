package cn.zschangfang.content.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.content.support.Http;
import cn.zschangfang.platform.test.ContainerImages;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same pipeline on a real MongoDB 8 (single-node replica set) and a real Apache Kafka broker: import, beacons,
 * the batch counter's unordered insert with duplicate keys and its compare-and-set. Skips where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ViewPipelineContainersIT {

    @Container
    @ServiceConnection
    static MongoDBContainer mongo = new MongoDBContainer(ContainerImages.mongo());

    @Container
    static KafkaContainer kafka = new KafkaContainer(ContainerImages.kafka());

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", kafka::getBootstrapServers);
    }

    @LocalServerPort
    int port;

    @Test
    void distinctVisitorsAreCountedExactlyAndRepeatsOnceOnRealMongoAndKafka() {
        Http http = new Http(port);
        assertThat(http.admin(
                                "POST",
                                "/api/content/admin/import",
                                "[{\"slug\":\"real-stack\",\"title\":\"中山工业园\",\"body\":\"<p>正文</p>\","
                                        + "\"category\":\"中山产业信息\",\"tags\":[\"中山工业园\"],\"views\":36}]")
                        .statusCode())
                .isEqualTo(200);
        for (int i = 0; i < 200; i++) {
            assertThat(http.view("real-stack", "visitor-" + i, Http.BROWSER).statusCode())
                    .isEqualTo(202);
            http.view("real-stack", "repeat", Http.BROWSER);
        }
        JsonMapper json = JsonMapper.builder().build();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(json.readTree(http.get("/api/content/articles/real-stack")
                                        .body())
                                .get("views")
                                .asLong())
                        .isEqualTo(36 + 200 + 1));
    }
}
