package cn.zschangfang.lead.spam;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.shared.SharedStore;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Token buckets per client IP, per phone and per integration key (the gateway limits per IP as well; this is the
 * service's own defence when called directly). They live in the platform's {@link SharedStore}: one budget across
 * every instance when {@code REDIS_URL} is set, per instance otherwise.
 */
@Component
public class RateLimits {

    private final SharedStore buckets;
    private final BucketConfiguration perIp;
    private final BucketConfiguration perPhone;
    private final BucketConfiguration perApiKey;

    public RateLimits(LeadProperties properties, SharedStore buckets) {
        LeadProperties.Spam spam = properties.spam();
        this.buckets = buckets;
        this.perIp = configuration(spam.perIpPerHour(), Duration.ofHours(1));
        this.perPhone = configuration(spam.perPhonePerDay(), Duration.ofDays(1));
        this.perApiKey = configuration(spam.perApiKeyPerMinute(), Duration.ofMinutes(1));
    }

    public void checkIp(String ip) {
        consume("ip:" + ip, perIp);
    }

    public void checkPhone(String phone) {
        consume("phone:" + phone, perPhone);
    }

    public void checkApiKey(String name) {
        consume("key:" + name, perApiKey);
    }

    private void consume(String key, BucketConfiguration configuration) {
        ConsumptionProbe probe = buckets.tryConsume(key, () -> configuration);
        if (!probe.isConsumed()) {
            throw ApiException.rateLimited(
                    Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1));
        }
    }

    private static BucketConfiguration configuration(int capacity, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(capacity, period)
                        .build())
                .build();
    }
}
