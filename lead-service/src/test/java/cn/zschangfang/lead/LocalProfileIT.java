package cn.zschangfang.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zschangfang.lead.capture.TestInquiry;
import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.platform.test.Http;
import cn.zschangfang.platform.test.MongoWireServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * What ./run.sh relies on: in profile {@code local} the development secrets work and the documented minimal
 * request with {@code X-Api-Key: local-integration-key} is accepted; outside it the same secrets stop the start.
 */
class LocalProfileIT {

    static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, "lead.captured");
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void localProfileAcceptsTheDocumentedMinimalRequestWithTheDevelopmentKey() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LeadServiceApplication.class)
                .profiles("local")
                .run(
                        "--server.port=0",
                        "--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString(),
                        "--spring.mongodb.uri=" + MongoWireServer.uri("leads-local"))) {
            Http http =
                    new Http(((WebServerApplicationContext) app).getWebServer().getPort());
            HttpResponse<String> response =
                    http.post("/api/leads", TestInquiry.inquiry().json(), "X-Api-Key", "local-integration-key");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(response.body()).contains("\"status\":\"NEW\"");
            assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(http.get("/api/leads?page=0", "Authorization", "Bearer local-admin-token")
                            .statusCode())
                    .isEqualTo(200);
            // the benchmark's lead-submission scenario sends up to 200 leads/s with this key
            assertThat(app.getBean(LeadProperties.class).spam().perApiKeyPerMinute())
                    .isGreaterThanOrEqualTo(200 * 60);
        }
    }

    @Test
    void outsideLocalTheDevelopmentSecretsRefuseToStartNamingTheVariables() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LeadServiceApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString(),
                                "--spring.mongodb.uri=" + MongoWireServer.uri("leads-prod-guard"))
                        .close())
                .rootCause()
                .hasMessageContaining("ADMIN_TOKEN")
                .hasMessageContaining("INTEGRATION_API_KEYS")
                .hasMessageNotContaining("local-admin-token");
    }
}
