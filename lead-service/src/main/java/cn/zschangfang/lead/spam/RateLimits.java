package cn.zschangfang.lead.spam;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.platform.problem.ApiException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * In-memory token buckets per client IP, per phone and per integration key (the gateway limits per IP as well;
 * this is the service's own defence when called directly). Per instance: several instances multiply the limits.
 */
@Component
public class RateLimits {

    private final LeadProperties.Spam properties;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(LeadProperties properties) {
        this.properties = properties.spam();
    }

    public void checkIp(String ip) {
        consume("ip:" + ip, properties.perIpPerHour(), Duration.ofHours(1));
    }

    public void checkPhone(String phone) {
        consume("phone:" + phone, properties.perPhonePerDay(), Duration.ofDays(1));
    }

    public void checkApiKey(String name) {
        consume("key:" + name, properties.perApiKeyPerMinute(), Duration.ofMinutes(1));
    }

    private void consume(String key, int capacity, Duration period) {
        Bucket bucket = buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillGreedy(capacity, period)
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw ApiException.rateLimited(
                    Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1));
        }
    }

    /** Drops idle buckets so memory stays bounded. */
    @Scheduled(fixedDelayString = "PT10M")
    void evictIdle() {
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= capacityOf(e.getKey()));
    }

    private long capacityOf(String key) {
        if (key.startsWith("ip:")) {
            return properties.perIpPerHour();
        }
        if (key.startsWith("phone:")) {
            return properties.perPhonePerDay();
        }
        return properties.perApiKeyPerMinute();
    }
}
