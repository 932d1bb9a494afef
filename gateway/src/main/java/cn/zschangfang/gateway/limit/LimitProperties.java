package cn.zschangfang.gateway.limit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Rate and body-size limits of the public endpoints. A value out of range, or one that does not parse (a method that
 * is not one of {@link Method}, a size, a duration), stops start-up naming the property.
 *
 * @param trustedProxies IPs or CIDR ranges of reverse proxies / load balancers in front of the gateway (env
 *     {@code TRUSTED_PROXIES}, comma separated); only their {@code X-Forwarded-For} is believed, everyone else is
 *     limited by the TCP peer address
 * @param defaultMaxBodySize the largest request body accepted on any path without a rule of its own
 * @param rules the limited endpoints; the first rule whose method and path match applies
 */
@ConfigurationProperties("gateway.limits")
@Validated
public record LimitProperties(
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("256KB") @NotNull DataSize defaultMaxBodySize,
        @DefaultValue List<@Valid Rule> rules) {

    /** The HTTP method a rule applies to; {@code ANY} matches every method. */
    public enum Method {
        ANY,
        GET,
        HEAD,
        POST,
        PUT,
        PATCH,
        DELETE,
        OPTIONS;

        boolean matches(HttpServletRequest request) {
            return this == ANY || name().equals(request.getMethod());
        }
    }

    /**
     * One limited endpoint.
     *
     * @param id names the rule in metrics and in bucket keys
     * @param method the HTTP method, e.g. {@code POST}, or {@code ANY} (the default)
     * @param path a Spring path pattern, e.g. {@code /api/content/articles/{slug}/views} or {@code /api/leads}
     * @param perClient the bucket of each client IP (none: only the body size is limited)
     * @param perApiKey the bucket of each integration presenting a valid {@code X-Api-Key} (instead of per IP)
     * @param maxBodySize the largest body accepted here (falls back to {@code defaultMaxBodySize})
     */
    public record Rule(
            @NotBlank String id,
            @DefaultValue("ANY") Method method,
            @NotBlank String path,
            @Valid Rate perClient,
            @Valid Rate perApiKey,
            DataSize maxBodySize) {}

    /**
     * A token bucket: {@code capacity} is the burst, refilled greedily with {@code refillTokens} per
     * {@code refillPeriod}.
     */
    public record Rate(
            @Min(1) long capacity,
            @Min(1) long refillTokens,
            @DefaultValue("1m") @DurationMin(millis = 1) Duration refillPeriod) {}
}
