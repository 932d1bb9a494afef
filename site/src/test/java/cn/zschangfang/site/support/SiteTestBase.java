package cn.zschangfang.site.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole site on a random port in front of a stub content-service; requests as a browser sends them. Pages are
 * rendered anew for each request (no page cache: the tests change the stub's answers between two pages);
 * {@code PageCacheTest} turns it on by overriding the property.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "site.page-cache.ttl=0s")
public abstract class SiteTestBase {

    protected static final StubContentService CONTENT = new StubContentService();
    protected static final String PUBLIC_URL = "https://www.zschangfang.test";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("CONTENT_URL", CONTENT::url);
        registry.add("PUBLIC_BASE_URL", () -> PUBLIC_URL);
        // Not the development default: outside profile local the site refuses it (agent/AgentConfiguration).
        registry.add("ADMIN_TOKEN", () -> "site-test-admin-token-5b1e");
        // No Kafka here: the dashboard's live feed would keep trying 127.0.0.1:9092.
        registry.add("site.dashboard.live", () -> "false");
        // Tests change the stub's answers between two pages: no reuse of an answer here (ContentReadCacheTest).
        registry.add("site.content-cache.ttl", () -> "0s");
    }

    protected HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
