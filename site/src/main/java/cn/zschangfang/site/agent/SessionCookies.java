package cn.zschangfang.site.agent;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The session cookie (HttpOnly, SameSite=Lax, Secure outside profile {@code local}, where the stack runs on plain
 * http://localhost) and the double-submit CSRF cookie of the two forms shown before there is a session.
 */
@Component
public class SessionCookies {

    static final String PRE_CSRF = "zs_csrf";

    private final AgentProperties properties;
    private final boolean secure;

    public SessionCookies(AgentProperties properties, Environment environment) {
        this.properties = properties;
        this.secure = !environment.acceptsProfiles(Profiles.of("local"));
    }

    public String read(HttpServletRequest request) {
        return value(request, properties.cookieName());
    }

    public void write(HttpServletResponse response, String value) {
        add(response, properties.cookieName(), value, properties.sessionTtl(), "Lax");
    }

    public void clear(HttpServletResponse response) {
        add(response, properties.cookieName(), "", Duration.ZERO, "Lax");
    }

    /** The token of the pre-session forms: reuses the cookie's value or sets a new one. */
    public String preSessionToken(HttpServletRequest request, HttpServletResponse response) {
        String existing = value(request, PRE_CSRF);
        if (existing != null && existing.length() >= 20 && existing.length() <= 100) {
            return existing;
        }
        String token = SiteSessions.random();
        add(response, PRE_CSRF, token, Duration.ofHours(2), "Strict");
        return token;
    }

    public boolean preSessionTokenMatches(HttpServletRequest request, String submitted) {
        return same(value(request, PRE_CSRF), submitted);
    }

    static boolean same(String expected, String submitted) {
        return expected != null
                && submitted != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    private void add(HttpServletResponse response, String name, String value, Duration maxAge, String sameSite) {
        ResponseCookie cookie = ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(secure)
                .sameSite(sameSite)
                .path("/")
                .maxAge(maxAge)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    private static String value(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies)
                .filter(c -> name.equals(c.getName()))
                .map(Cookie::getValue)
                .findFirst()
                .orElse(null);
    }
}
