package cn.zschangfang.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Returns the W3C trace id of the request as {@code X-Request-Id} on every response, also on errors the gateway
 * answers itself (401, 429, 413, 503), so a caller can quote it and support can find every log line of the request
 * across gateway, services and Kafka consumers.
 *
 * <p>It also writes one access line per request (logger {@code cn.zschangfang.gateway.access}: method, path without
 * query string, status, route, duration) so the gateway's part of a trace is visible in its JSON logs. The query
 * string is left out because it is the one place a client could put personal data in a URL, and the signed token
 * of an acknowledgement link ({@code /ack/<token>}) is masked: whoever reads the logs must not be able to use it.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";

    private static final Logger access = LoggerFactory.getLogger("cn.zschangfang.gateway.access");

    private final Tracer tracer;

    public RequestIdFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Span span = tracer.currentSpan();
        if (span != null) {
            response.setHeader(HEADER, span.context().traceId());
        }
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (access.isInfoEnabled()) {
                Object route = request.getAttribute(MvcUtils.GATEWAY_ROUTE_ID_ATTR);
                access.info(
                        "{} {} {} route={} {}ms",
                        request.getMethod(),
                        loggablePath(request.getRequestURI()),
                        response.getStatus(),
                        route == null ? "-" : route,
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    static String loggablePath(String path) {
        return path.startsWith("/ack/") ? "/ack/***" : path;
    }
}
