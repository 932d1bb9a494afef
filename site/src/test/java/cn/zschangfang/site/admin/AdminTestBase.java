package cn.zschangfang.site.admin;

import cn.zschangfang.site.agent.SiteSessions;
import cn.zschangfang.site.support.BrowserRequests;
import cn.zschangfang.site.support.StubService;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
 * notify-services; requests as a browser sends them (cookies by hand, no redirects followed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AdminTestBase {

    static final String ADMIN_TOKEN = "site-test-admin-token-5b1e";
    static final StubService CONTENT = new StubService();
    static final StubService NOTIFY = new StubService();
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    SiteSessions sessions;

    @Autowired
    LoginThrottle throttle;

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
        throttle.succeeded("127.0.0.1"); // every test starts with no failed sign-in from this machine
        CONTENT.reset();
        NOTIFY.reset();
        // notify takes only the admin token on its admin API
        NOTIFY.requireBearer(ADMIN_TOKEN);
        NOTIFY.answer("GET", "/api/notify/agents", 200, "[]");
    }

    /** A signed-in browser: its session cookie and the session's CSRF token. */
    record Browser(String cookie, String csrf) {}

    Browser signedIn(String role) {
        String cookie = sessions.create(
                "ADMIN".equals(role) ? "admin" : "agt-" + role.toLowerCase(),
                "测试用户",
                role,
                "ADMIN".equals(role) ? ADMIN_TOKEN : "ags_manager_token",
                Instant.now().plusSeconds(3600));
        return new Browser(
                "zs_agent=" + cookie, sessions.find(cookie).orElseThrow().csrf());
    }

    HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder request = BrowserRequests.to(port, path).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return BrowserRequests.send(request);
    }

    HttpResponse<String> post(String path, String cookie, Map<String, String> form) {
        HttpRequest.Builder request = BrowserRequests.to(port, path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return BrowserRequests.send(request);
    }

    /** A form as the signed-in browser sends it: with the session's CSRF token first. */
    HttpResponse<String> submit(String path, Browser browser, String... keyValue) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", browser.csrf());
        fields.putAll(form(keyValue));
        return post(path, browser.cookie(), fields);
    }

    HttpResponse<String> multipart(
            String path, String cookie, Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "----zs" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        fields.forEach((k, v) -> out.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return BrowserRequests.send(BrowserRequests.to(port, path)
                .header("Cookie", cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    HttpResponse<String> postXhr(String path, Browser browser, Map<String, String> form) {
        return BrowserRequests.send(BrowserRequests.to(port, path)
                .header("Cookie", browser.cookie())
                .header("X-CSRF-Token", browser.csrf())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    static Map<String, String> form(String... keyValue) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValue.length; i += 2) {
            form.put(keyValue[i], keyValue[i + 1]);
        }
        return form;
    }

    /** A pattern for {@code message} shown at the form field {@code name} (its {@code data-field} wrapper). */
    static String fieldError(String name, String message) {
        return "data-field=\"" + name + "\"[^>]*>[\\s\\S]*?" + Pattern.quote(message);
    }

    static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        return m.find() ? m.group(1) : null;
    }

    /** The {@code name=value} of a Set-Cookie header. */
    static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElse(null);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
