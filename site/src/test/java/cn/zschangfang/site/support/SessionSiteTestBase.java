package cn.zschangfang.site.support;

import cn.zschangfang.site.agent.SiteSessions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole site on a random port with its sessions in an in-memory MongoDB stand-in and stub content- and
 * notify-services; requests as a browser sends them (cookies by hand, no redirects followed). The back office's
 * tests and the inbox's sign-in test share it, and so one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SessionSiteTestBase {

    protected static final String ADMIN_TOKEN = "site-test-admin-token-5b1e";
    protected static final StubService CONTENT = new StubService();
    protected static final StubService NOTIFY = new StubService();
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    protected int port;

    @Autowired
    protected SiteSessions sessions;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("CONTENT_URL", CONTENT::url);
        registry.add("NOTIFY_URL", NOTIFY::url);
        registry.add("site.content-cache.ttl", () -> "0s");
        registry.add("MONGODB_URI", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/site-admin-test");
        registry.add("PUBLIC_BASE_URL", () -> "https://www.zschangfang.test");
        registry.add("ADMIN_TOKEN", () -> ADMIN_TOKEN);
        registry.add("site.dashboard.live", () -> "false");
    }

    @BeforeEach
    void freshStubs() {
        CONTENT.reset();
        NOTIFY.reset();
    }

    protected HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder request = BrowserRequests.to(port, path).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return BrowserRequests.send(request);
    }

    protected HttpResponse<String> post(String path, String cookie, Map<String, String> form) {
        HttpRequest.Builder request = BrowserRequests.to(port, path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return BrowserRequests.send(request);
    }

    protected static Map<String, String> form(String... keyValue) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValue.length; i += 2) {
            form.put(keyValue[i], keyValue[i + 1]);
        }
        return form;
    }

    protected static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        return m.find() ? m.group(1) : null;
    }

    /** The {@code name=value} of a Set-Cookie header. */
    protected static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElse(null);
    }

    protected static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
