package cn.zschangfang.site.admin;

import cn.zschangfang.site.support.BrowserRequests;
import cn.zschangfang.site.support.SessionSiteTestBase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The back office's tests: {@link SessionSiteTestBase} with notify taking only the admin token on its admin API, and
 * helpers for a signed-in browser's forms.
 */
abstract class AdminTestBase extends SessionSiteTestBase {

    @Autowired
    LoginThrottle throttle;

    @BeforeEach
    void adminStubs() {
        throttle.succeeded("127.0.0.1"); // every test starts with no failed sign-in from this machine
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

    /** A pattern for {@code message} shown at the form field {@code name} (its {@code data-field} wrapper). */
    static String fieldError(String name, String message) {
        return "data-field=\"" + name + "\"[^>]*>[\\s\\S]*?" + Pattern.quote(message);
    }
}
