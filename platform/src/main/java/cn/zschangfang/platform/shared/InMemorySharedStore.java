package cn.zschangfang.platform.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The store of one instance: exact while the service runs once, N times the budget with N instances. Bounded: beyond
 * {@code maxEntries} the least recently written keys go first (a bucket then starts full again, a mark is forgotten:
 * a repeat may count again, nothing is lost).
 */
public final class InMemorySharedStore implements SharedStore {

    private final ProxyManager<String> buckets;
    private final Cache<String, Long> marks;

    public InMemorySharedStore(int maxEntries, Clock clock) {
        Ticker ticker = () -> clock.millis() * 1_000_000L;
        // Idle buckets are evicted once they would be full again, so memory follows active clients.
        this.buckets = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(maxEntries))
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        this.marks = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .ticker(ticker)
                .expireAfter(new Expiry<String, Long>() {
                    @Override
                    public long expireAfterCreate(String key, Long windowNanos, long currentTime) {
                        return windowNanos;
                    }

                    @Override
                    public long expireAfterUpdate(String key, Long windowNanos, long currentTime, long current) {
                        return current;
                    }

                    @Override
                    public long expireAfterRead(String key, Long windowNanos, long currentTime, long current) {
                        return current;
                    }
                })
                .build();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, Supplier<BucketConfiguration> configuration) {
        return buckets.builder().build(key, configuration).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public boolean markFirst(String key, Duration window) {
        return marks.asMap().putIfAbsent(key, window.toNanos()) == null;
    }

    @Override
    public void unmark(String key) {
        marks.invalidate(key);
    }

    @Override
    public boolean shared() {
        return false;
    }
}
