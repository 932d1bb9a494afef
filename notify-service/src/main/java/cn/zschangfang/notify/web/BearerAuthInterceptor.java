package cn.zschangfang.notify.web;

import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.platform.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.servlet.HandlerInterceptor;

/** Requires {@code Authorization: Bearer <ADMIN_TOKEN>}; compared in constant time. */
public class BearerAuthInterceptor implements HandlerInterceptor {

    private final byte[] adminToken;

    public BearerAuthInterceptor(NotifyProperties properties) {
        this.adminToken = properties.adminToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String token = bearer(request);
        if (token == null || !MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.unauthorized();
        }
        return true;
    }

    /** The bearer token of a request, or null. */
    public static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
