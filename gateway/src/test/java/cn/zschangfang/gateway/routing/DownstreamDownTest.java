package cn.zschangfang.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.gateway.support.StubService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every downstream points at a port nobody listens on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DownstreamDownTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void deadDownstreams(DynamicPropertyRegistry registry) {
        String dead = "http://127.0.0.1:" + StubService.closedPort();
        registry.add("CONTENT_URL", () -> dead);
        registry.add("LEAD_URL", () -> dead);
        registry.add("NOTIFY_URL", () -> dead);
        registry.add("ADMIN_TOKEN", () -> "down-test-admin-token");
        registry.add("INTEGRATION_API_KEYS", () -> "partner=down-test-key");
        // Long enough for a second try even when the first request through a cold gateway is slow (a loaded CI
        // machine took over 750 ms, and 1 s left room for one try only).
        registry.add("gateway.proxy.warm-up-patience", () -> "3s");
    }

    @Autowired
    ProxyWarmUp warmUp;

    @Test
    void theStartUpWarmUpKeptTryingWhileContentWasDownAndGaveUpAfterItsPatience() {
        assertThat(warmUp.statuses()).hasSizeGreaterThan(1).containsOnly(503);
        assertThat(ProxyWarmUp.summary(warmUp.statuses()))
                .isEqualTo("503 ×" + warmUp.statuses().size());
        assertThat(ProxyWarmUp.summary(List.of(503, 503, 200, 200, 200))).isEqualTo("503 ×2, 200 ×3");
    }

    @Test
    void serviceThatIsDownGivesServiceUnavailableProblemQuickly() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/leads"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"town\":\"沙溪镇\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("https://zschangfang.cn/problems/unavailable")
                .doesNotContain("Connect")
                .doesNotContain("127.0.0.1");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void apiDocumentOfAServiceThatIsDownIsServiceUnavailable() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs/lead"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("problems/unavailable");
    }

    @Test
    void agentTokenThatCannotBeVerifiedGivesServiceUnavailableNotUnauthorized() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/agent/leads"))
                                .header("Authorization", "Bearer some-agent-token")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("problems/unavailable");
    }
}
