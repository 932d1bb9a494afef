package cn.zschangfang.content.web;

import cn.zschangfang.content.config.ContentProperties;
import cn.zschangfang.platform.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Requires {@code Authorization: Bearer <ADMIN_TOKEN>} on admin endpoints. Compared in constant time so the token
 * cannot be guessed byte by byte from response timing.
 */
public class AdminAuthInterceptor implements HandlerInterceptor {

    private final byte[] expected;

    public AdminAuthInterceptor(ContentProperties properties) {
        this.expected = ("Bearer " + properties.adminToken()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.unauthorized();
        }
        return true;
    }
}
