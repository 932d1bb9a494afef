package cn.zschangfang.gateway.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Downstream services and the default timeouts of calls to them.
 *
 * <p>A route may override the timeouts with its own metadata {@code connect-timeout} / {@code response-timeout}
 * (milliseconds or a duration such as {@code 3s}), as in {@code spring.cloud.gateway.server.webmvc.routes[n].metadata}.
 *
 * @param contentUrl content-service base URL (env {@code CONTENT_URL})
 * @param leadUrl lead-service base URL (env {@code LEAD_URL})
 * @param notifyUrl notify-service base URL (env {@code NOTIFY_URL})
 * @param siteUrl the portal's pages (site module, env {@code SITE_URL}): every path that is not an API, the API docs
 *     or actuator
 * @param connectTimeout how long to wait for a TCP connection: short, so a service that is down answers 503 fast
 * @param responseTimeout how long to wait for a downstream answer before 504
 * @param warmUpPatience how long the start-up warm-up ({@link ProxyWarmUp}) keeps trying while content-service does
 *     not answer yet, before the gateway reports ready without a warm answer path; {@code 0s} tries once
 */
@ConfigurationProperties("gateway.proxy")
public record ProxyProperties(
        @DefaultValue("http://127.0.0.1:8081") String contentUrl,
        @DefaultValue("http://127.0.0.1:8082") String leadUrl,
        @DefaultValue("http://127.0.0.1:8083") String notifyUrl,
        @DefaultValue("http://127.0.0.1:8084") String siteUrl,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("10s") Duration responseTimeout,
        @DefaultValue("10s") Duration warmUpPatience) {}
