package cn.zschangfang.gateway.limit;

import cn.zschangfang.gateway.security.IntegrationKeys;
import cn.zschangfang.platform.problem.ProblemResponseWriter;
import cn.zschangfang.platform.problem.ProblemType;
import cn.zschangfang.platform.problem.Problems;
import cn.zschangfang.platform.shared.SharedStore;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token-bucket rate limits on the public write endpoints ({@link LimitProperties#rules()}): per client IP, or per
 * integration when the request carries a valid {@code X-Api-Key}. An exhausted bucket answers 429 with
 * {@code Retry-After} (whole seconds until the next token) and a ProblemDetail; an {@code X-Api-Key} that is not one
 * of the configured keys answers 401.
 *
 * <p>The buckets live in the platform's {@link SharedStore}: in Redis when {@code REDIS_URL} is set, so that every
 * gateway instance draws on one budget per client; in this JVM's memory otherwise, which is exact for one instance
 * only (N instances would each allow the full rate).
 */
public class RateLimitFilter extends OncePerRequestFilter {

    public static final String API_KEY_HEADER = "X-Api-Key";

    private final LimitRules rules;
    private final ClientIpResolver clientIps;
    private final IntegrationKeys integrationKeys;
    private final SharedStore buckets;
    private final ProblemResponseWriter problems;
    private final MeterRegistry meters;
    private final Map<String, BucketConfiguration> configurations = new ConcurrentHashMap<>();

    public RateLimitFilter(
            LimitRules rules,
            ClientIpResolver clientIps,
            IntegrationKeys integrationKeys,
            SharedStore buckets,
            ProblemResponseWriter problems,
            MeterRegistry meters) {
        this.rules = rules;
        this.clientIps = clientIps;
        this.integrationKeys = integrationKeys;
        this.buckets = buckets;
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LimitProperties.Rule> match = rules.match(request);
        if (match.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        LimitProperties.Rule rule = match.get();
        String apiKey = request.getHeader(API_KEY_HEADER);
        String bucketKey;
        LimitProperties.Rate rate;
        String kind;
        if (apiKey != null) {
            Optional<String> integration = integrationKeys.nameOf(apiKey.trim());
            if (integration.isEmpty()) {
                meters.counter("gateway.api_key.rejected", "rule", rule.id()).increment();
                problems.write(request, response, Problems.of(ProblemType.UNAUTHORIZED, "X-Api-Key 不是已配置的集成密钥"));
                return;
            }
            kind = "api-key";
            bucketKey = rule.id() + ":key:" + integration.get();
            rate = rule.perApiKey() != null ? rule.perApiKey() : rule.perClient();
        } else {
            kind = "client-ip";
            bucketKey = rule.id() + ":ip:" + clientIps.resolve(request);
            rate = rule.perClient();
        }
        if (rate == null) {
            chain.doFilter(request, response);
            return;
        }
        BucketConfiguration configuration =
                configurations.computeIfAbsent(rule.id() + ":" + kind, k -> configuration(rate));
        ConsumptionProbe probe = buckets.tryConsume(bucketKey, () -> configuration);
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long retryAfterSeconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        meters.counter("gateway.rate_limit.rejected", "rule", rule.id(), "kind", kind)
                .increment();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        response.setHeader("X-RateLimit-Remaining", "0");
        ProblemDetail problem = Problems.of(ProblemType.RATE_LIMITED, "请求过于频繁，请在 " + retryAfterSeconds + " 秒后重试");
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        problems.write(request, response, problem);
    }

    private static BucketConfiguration configuration(LimitProperties.Rate rate) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(rate.capacity())
                        .refillGreedy(rate.refillTokens(), rate.refillPeriod())
                        .build())
                .build();
    }
}
