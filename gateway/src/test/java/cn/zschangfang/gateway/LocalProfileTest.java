package cn.zschangfang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.gateway.limit.LimitProperties;
import cn.zschangfang.gateway.support.StubService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway as ./run.sh starts it: profile local, development secrets, nothing else set but the service URLs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class LocalProfileTest {

    static final StubService LEAD = new StubService("lead");
    static final StubService NOTIFY = new StubService("notify");

    @LocalServerPort
    int port;

    @Autowired
    LimitProperties limits;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("LEAD_URL", LEAD::url);
        registry.add("NOTIFY_URL", NOTIFY::url);
        registry.add("CONTENT_URL", () -> "http://127.0.0.1:" + StubService.closedPort());
        // Content is down here: the start-up warm-up tries once instead of waiting for it.
        registry.add("gateway.proxy.warm-up-patience", () -> "0s");
    }

    @AfterAll
    static void stop() {
        LEAD.close();
        NOTIFY.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    @Test
    void startsWithDevelopmentSecretsAndIsReady() throws Exception {
        HttpResponse<String> readiness = send(request("/actuator/health/readiness"));

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("UP");
        assertThat(send(request("/actuator/health/liveness")).statusCode()).isEqualTo(200);
        assertThat(send(request("/actuator/prometheus")).statusCode()).isEqualTo(200);
        assertThat(send(request("/actuator/env")).statusCode()).isEqualTo(404);
    }

    @Test
    void sandboxMessagesAreReadableWithoutToken() throws Exception {
        HttpResponse<String> response = send(request("/api/notify/sandbox/messages"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(NOTIFY.receivedOn("/api/notify/sandbox/messages")).hasSize(1);
    }

    @Test
    void developmentIntegrationKeySubmitsLeadsAtTheIntegrationRate() throws Exception {
        LEAD.on("/api/leads", (exchange, body) -> StubService.json(exchange, 201, "{\"status\":\"NEW\"}"));
        int created = 0;
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> response = send(request("/api/leads")
                    .header("Content-Type", "application/json")
                    .header("X-Api-Key", "local-integration-key")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"town\":\"南头镇\"}")));
            if (response.statusCode() == 201) {
                created++;
            }
        }
        assertThat(created).as("well above the per-IP burst of 10").isEqualTo(30);
    }

    /** The benchmark submits up to 200 leads/s through the gateway with the development key (contract, issue 13). */
    @Test
    void developmentIntegrationKeyMaySendTwoHundredLeadsPerSecond() {
        LimitProperties.Rate rate = leadSubmission().perApiKey();

        assertThat(rate.capacity()).isGreaterThanOrEqualTo(200);
        assertThat(rate.refillTokens() * 1000.0 / rate.refillPeriod().toMillis())
                .isGreaterThanOrEqualTo(200.0);
        assertThat(leadSubmission().perClient().capacity())
                .as("anonymous visitors keep the production limit")
                .isEqualTo(10);
    }

    private LimitProperties.Rule leadSubmission() {
        return limits.rules().stream()
                .filter(rule -> rule.id().equals("lead-submission"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void thirtyAnonymousSubmissionsFromOneIpGetTheBurstThen429() throws Exception {
        LEAD.on("/api/leads", (exchange, body) -> StubService.json(exchange, 201, "{\"status\":\"NEW\"}"));
        int created = 0;
        int limited = 0;
        for (int i = 0; i < 30; i++) {
            int status = send(request("/api/leads")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"town\":\"南头镇\"}")))
                    .statusCode();
            if (status == 201) {
                created++;
            } else if (status == 429) {
                limited++;
            }
        }
        // Burst 10, refill 5/min: at most one more token can arrive while the loop runs.
        assertThat(created).isBetween(10, 11);
        assertThat(limited).isEqualTo(30 - created);
    }
}
