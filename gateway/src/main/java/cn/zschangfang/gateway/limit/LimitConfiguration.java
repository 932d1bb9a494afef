package cn.zschangfang.gateway.limit;

import cn.zschangfang.gateway.problem.ProblemResponseWriter;
import cn.zschangfang.gateway.security.IntegrationKeys;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the limit filters ahead of Spring Security (cheap refusals first), after the tracing filter (so a 429
 * carries {@code X-Request-Id} too).
 */
@Configuration(proxyBeanMethods = false)
class LimitConfiguration {

    /** Runs after Boot's server observation filter (HIGHEST_PRECEDENCE + 1) and the request-id filter. */
    static final int RATE_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    static final int BODY_SIZE_ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    /**
     * In-memory buckets, exact for a single gateway instance; see {@link RateLimitFilter} for the distributed
     * replacement. Idle buckets are evicted once they would be full again, so memory follows active clients.
     */
    @Bean
    @ConditionalOnMissingBean
    ProxyManager<String> rateLimitBuckets() {
        return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(200_000))
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    @Bean
    LimitRules limitRules(LimitProperties properties) {
        return new LimitRules(properties);
    }

    @Bean
    ClientIpResolver clientIpResolver(LimitProperties properties) {
        return new ClientIpResolver(properties.trustedProxies());
    }

    @Bean
    ClientAddressHeaderFilter clientAddressHeaderFilter(ClientIpResolver resolver) {
        return new ClientAddressHeaderFilter(resolver);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            LimitRules rules,
            ClientIpResolver clientIps,
            IntegrationKeys integrationKeys,
            ProxyManager<String> buckets,
            ProblemResponseWriter problems,
            MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(
                new RateLimitFilter(rules, clientIps, integrationKeys, buckets, problems, meters));
        registration.setOrder(RATE_LIMIT_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(LimitRules rules, ProblemResponseWriter problems) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(rules, problems));
        registration.setOrder(BODY_SIZE_ORDER);
        return registration;
    }
}
