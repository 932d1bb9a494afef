package cn.zschangfang.gateway.limit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Rate and body-size limits of the public endpoints.
 *
 * @param trustedProxies IPs or CIDR ranges of reverse proxies / load balancers in front of the gateway (env
 *     {@code TRUSTED_PROXIES}, comma separated); only their {@code X-Forwarded-For} is believed, everyone else is
 *     limited by the TCP peer address
 * @param defaultMaxBodySize the largest request body accepted on any path without a rule of its own
 * @param rules the limited endpoints; the first rule whose method and path match applies
 */
@ConfigurationProperties("gateway.limits")
public record LimitProperties(
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("256KB") DataSize defaultMaxBodySize,
        @DefaultValue List<Rule> rules) {

    /**
     * One limited endpoint.
     *
     * @param id names the rule in metrics and in bucket keys
     * @param method the HTTP method, e.g. {@code POST}, or {@code *} for any
     * @param path a Spring path pattern, e.g. {@code /api/content/articles/{slug}/views} or {@code /api/leads}
     * @param perClient the bucket of each client IP (none: only the body size is limited)
     * @param perApiKey the bucket of each integration presenting a valid {@code X-Api-Key} (instead of per IP)
     * @param maxBodySize the largest body accepted here (falls back to {@code defaultMaxBodySize})
     */
    public record Rule(String id, String method, String path, Rate perClient, Rate perApiKey, DataSize maxBodySize) {}

    /**
     * A token bucket: {@code capacity} is the burst, refilled greedily with {@code refillTokens} per
     * {@code refillPeriod}.
     */
    public record Rate(
            long capacity,
            long refillTokens,
            @DefaultValue("1m") Duration refillPeriod) {}
}
