package cn.zschangfang.gateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the whole gateway on a random port in front of three real stub HTTP services on random ports, with
 * non-default secrets (so the development-secrets rule is exercised, not bypassed). The stubs are shared by every
 * subclass, like the cached Spring context that points at them, and stop with the test JVM.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.timeouts.content.response=700ms",
            "gateway.limits.rules[0].id=lead-submission",
            "gateway.limits.rules[0].method=POST",
            "gateway.limits.rules[0].path=/api/leads",
            "gateway.limits.rules[0].per-client.capacity=3",
            "gateway.limits.rules[0].per-client.refill-tokens=1",
            "gateway.limits.rules[0].per-client.refill-period=1h",
            "gateway.limits.rules[0].per-api-key.capacity=6",
            "gateway.limits.rules[0].per-api-key.refill-tokens=1",
            "gateway.limits.rules[0].per-api-key.refill-period=1h",
            "gateway.limits.rules[0].max-body-size=2KB",
            "gateway.limits.rules[1].id=view-beacon",
            "gateway.limits.rules[1].method=POST",
            "gateway.limits.rules[1].path=/api/content/articles/{slug}/views",
            "gateway.limits.rules[1].per-client.capacity=1000",
            "gateway.limits.rules[1].per-client.refill-tokens=1000",
            "gateway.limits.rules[1].max-body-size=1KB",
            "gateway.limits.trusted-proxies=127.0.0.1,::1",
            // Tests log at WARN (platform-test); the access log is what RequestIdTest reads.
            "logging.level.cn.zschangfang.gateway.access=INFO",
        })
public abstract class GatewayTestBase {

    public static final String ADMIN_TOKEN = "test-admin-token-9f2c";
    public static final String API_KEY = "test-integration-key-77";

    protected static final StubService CONTENT = new StubService("content");
    protected static final StubService LEAD = new StubService("lead");
    protected static final StubService NOTIFY = new StubService("notify");
    protected static final StubService SITE = new StubService("site");

    protected static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("CONTENT_URL", CONTENT::url);
        registry.add("LEAD_URL", LEAD::url);
        registry.add("NOTIFY_URL", NOTIFY::url);
        registry.add("SITE_URL", SITE::url);
        registry.add("ADMIN_TOKEN", () -> ADMIN_TOKEN);
        registry.add("INTEGRATION_API_KEYS", () -> "partner=" + API_KEY);
    }

    @BeforeEach
    void resetStubs() {
        CONTENT.reset();
        LEAD.reset();
        NOTIFY.reset();
        SITE.reset();
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** A request without a body, with {@code Authorization: Bearer <token>} unless the token is null. */
    protected HttpResponse<String> call(String method, String path, String token) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder.build());
    }

    protected HttpResponse<String> postJson(String path, String json, String... headers) {
        return post(path, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8), headers);
    }

    /**
     * A JSON POST whose length is not known in advance (a publisher, not a string), so the client sends it chunked
     * without {@code Content-Length}, as a streaming client does.
     */
    protected HttpResponse<String> postChunkedJson(String path, String json, String... headers) {
        return post(
                path,
                HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
                headers);
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher json, String... headers) {
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(json);
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }
}
