package cn.zschangfang.site.support;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        HttpRequest.Builder request = BrowserRequests.to(port, path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return BrowserRequests.send(request);
    }
}
