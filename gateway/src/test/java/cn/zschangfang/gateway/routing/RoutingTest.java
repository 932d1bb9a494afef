package cn.zschangfang.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.gateway.support.GatewayTestBase;
import cn.zschangfang.gateway.support.StubService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RoutingTest extends GatewayTestBase {

    @Autowired
    ProxyWarmUp warmUp;

    @Test
    void beforeReportingReadyTheGatewayWarmedItsProxyPathWithPublicGetsThatReachedContentService() {
        assertThat(warmUp.statuses()).containsExactly(200, 200, 200);
    }

    @Test
    void contentPathsGoToContentService() {
        HttpResponse<String> response = get("/api/content/articles/shaxi-park?lang=zh");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"service\":\"content\"");
        assertThat(CONTENT.received()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.pathAndQuery()).isEqualTo("/api/content/articles/shaxi-park?lang=zh");
        });
        assertThat(LEAD.received()).isEmpty();
        assertThat(NOTIFY.received()).isEmpty();
    }

    @Test
    void requestsOneAfterAnotherReuseOneKeptAliveConnectionToTheService() {
        for (int i = 0; i < 20; i++) {
            assertThat(get("/api/content/articles/shaxi-park").statusCode()).isEqualTo(200);
        }

        assertThat(CONTENT.received()).hasSize(20);
        assertThat(CONTENT.received().stream()
                        .map(StubService.Received::clientPort)
                        .distinct())
                .as("a new connection per request would leave a TIME_WAIT socket each")
                .hasSize(1);
    }

    @Test
    void leadAndAgentPathsGoToLeadServiceAndNotifyPathsToNotifyService() {
        assertThat(get("/api/leads/challenge").body()).contains("lead");
        assertThat(call("GET", "/api/agent/leads", ADMIN_TOKEN).statusCode())
                .as("ADMIN is not an agent role")
                .isEqualTo(403);
        assertThat(get("/ack/abc.def").body()).contains("notify");
        assertThat(call("GET", "/api/notify/deliveries", ADMIN_TOKEN).body()).contains("notify");

        assertThat(LEAD.received())
                .extracting(StubService.Received::pathAndQuery)
                .containsExactly("/api/leads/challenge");
        assertThat(NOTIFY.received())
                .extracting(StubService.Received::pathAndQuery)
                .containsExactly("/ack/abc.def", "/api/notify/deliveries");
    }

    @Test
    void chineseJsonBodyReachesTheServiceByteForByteAndLocationAndStatusComeBack() {
        String lead = "{\"intent\":\"LEASE\",\"propertyType\":\"FACTORY\",\"town\":\"沙溪镇\","
                + "\"contactName\":\"张三\",\"phone\":\"13800009793\",\"use\":\"服装加工\",\"consent\":true}";
        LEAD.on("/api/leads", (exchange, body) -> {
            exchange.getResponseHeaders().set("Location", "http://127.0.0.1:8082/api/leads/L-1");
            StubService.json(exchange, 201, "{\"id\":\"L-1\",\"status\":\"NEW\"}");
        });

        HttpResponse<String> response = postJson("/api/leads", lead, "X-Forwarded-For", "203.0.113.10");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("http://127.0.0.1:8082/api/leads/L-1");
        assertThat(response.body()).isEqualTo("{\"id\":\"L-1\",\"status\":\"NEW\"}");
        assertThat(LEAD.received()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.body()).isEqualTo(lead.getBytes(StandardCharsets.UTF_8));
            assertThat(r.header("Content-Type")).startsWith("application/json");
            assertThat(r.header("X-Forwarded-For"))
                    .as("the client address as resolved through the trusted proxy")
                    .isEqualTo("203.0.113.10");
        });
    }

    @Test
    void forgedForwardedForFromAClientIsReplacedByOneResolvedAddress() {
        postJson("/api/leads", "{}", "X-Forwarded-For", "6.6.6.6, 203.0.113.13");

        assertThat(LEAD.received())
                .singleElement()
                .satisfies(r -> assertThat(r.header("X-Forwarded-For")).isEqualTo("203.0.113.13"));
    }

    @Test
    void locationPointingAtTheServiceItselfIsRewrittenToTheGatewayAddress() {
        LEAD.on("/api/leads", (exchange, body) -> {
            exchange.getResponseHeaders().set("Location", LEAD.url() + "/api/leads/L-3?x=1");
            StubService.json(exchange, 201, "{\"id\":\"L-3\"}");
        });

        HttpResponse<String> response = postJson("/api/leads", "{}", "X-Forwarded-For", "203.0.113.14");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("http://127.0.0.1:" + port + "/api/leads/L-3?x=1");
    }

    @Test
    void relativeLocationIsKept() {
        LEAD.on("/api/leads", (exchange, body) -> {
            exchange.getResponseHeaders().set("Location", "/api/leads/L-4");
            StubService.json(exchange, 201, "{}");
        });

        assertThat(postJson("/api/leads", "{}", "X-Forwarded-For", "203.0.113.15")
                        .headers()
                        .firstValue("Location"))
                .hasValue("/api/leads/L-4");
    }

    @Test
    void authorizationHeaderIsForwardedForTheServiceToCheckAgain() {
        call("GET", "/api/leads/L-1", ADMIN_TOKEN);

        assertThat(LEAD.received())
                .singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + ADMIN_TOKEN));
    }

    @Test
    void internalPathsAreNeverRouted() {
        HttpResponse<String> response = get("/internal/auth/agent");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(NOTIFY.received()).isEmpty();
        assertThat(LEAD.received()).isEmpty();
        assertThat(CONTENT.received()).isEmpty();
    }

    @Test
    void serviceErrorStatusAndProblemBodyPassThrough() {
        CONTENT.on("/api/content/articles/missing", (exchange, body) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            byte[] bytes = "{\"type\":\"https://zschangfang.cn/problems/not_found\",\"status\":404}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, bytes.length);
            exchange.getResponseBody().write(bytes);
        });

        HttpResponse<String> response = get("/api/content/articles/missing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("problems/not_found");
    }

    @Test
    void serviceCacheHeadersAreKeptNotOverwrittenByNoStore() {
        CONTENT.on("/api/content/articles/cached", (exchange, body) -> {
            exchange.getResponseHeaders().set("Cache-Control", "public, max-age=60");
            StubService.json(exchange, 200, "{}");
        });

        HttpResponse<String> response = get("/api/content/articles/cached");

        assertThat(response.headers().allValues("Cache-Control")).containsExactly("public, max-age=60");
    }

    @Test
    void idempotentGetIsRetriedAfterAServerError() {
        AtomicInteger calls = new AtomicInteger();
        CONTENT.on("/api/content/articles/flaky", (exchange, body) -> {
            if (calls.incrementAndGet() == 1) {
                StubService.json(exchange, 503, "{}");
            } else {
                StubService.json(exchange, 200, "{\"slug\":\"flaky\"}");
            }
        });

        HttpResponse<String> response = get("/api/content/articles/flaky");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(calls).hasValue(2);
    }

    @Test
    void postIsNeverRetried() {
        AtomicInteger calls = new AtomicInteger();
        CONTENT.on("/api/content/articles/flaky/views", (exchange, body) -> {
            calls.incrementAndGet();
            StubService.json(exchange, 503, "{}");
        });

        HttpResponse<String> response = postJson(
                "/api/content/articles/flaky/views", "{\"visitorId\":\"v1\"}", "X-Forwarded-For", "203.0.113.11");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(calls).hasValue(1);
    }

    @Test
    void slowServiceGivesGatewayTimeoutProblemAfterTheRouteTimeout() {
        CONTENT.on("/api/content/articles/slow", (exchange, body) -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StubService.json(exchange, 200, "{}");
        });

        long started = System.nanoTime();
        HttpResponse<String> response = send(request("/api/content/articles/slow")
                .header("Accept", "application/json")
                .GET()
                .build());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.body()).contains("https://zschangfang.cn/problems/gateway_timeout");
        // 700 ms route timeout (test setting): well under the 5 s the service would take.
        assertThat(took).isLessThan(Duration.ofMillis(4_500));
        assertThat(CONTENT.receivedOn("/api/content/articles/slow"))
                .as("a timeout is not retried: it would only add load to a service that is already slow")
                .hasSize(1);
    }

    @Test
    void leadPostWithBodyIsPassedWhenContentLengthIsUnknown() {
        LEAD.on("/api/leads", (exchange, body) -> StubService.json(exchange, 201, "{\"id\":\"L-2\"}"));
        String json = "{\"town\":\"小榄镇\"}";
        HttpResponse<String> response = postChunkedJson("/api/leads", json, "X-Forwarded-For", "203.0.113.12");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(LEAD.received())
                .singleElement()
                .satisfies(r ->
                        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(json));
    }
}
