package cn.zschangfang.site.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.function.Supplier;

/**
 * A short-lived cache of content-service answers, keyed by the request. Popular pages (home, a hot article) are
 * rendered from memory instead of one service call each, while an edit shows within the TTL (500 ms by default):
 * this cache is not invalidated, it only expires, and content-service's own caches are dropped on all its instances
 * one Kafka hop after an edit, so a page shows an edit within 1 s. A failed call is not cached (the next page asks
 * again); concurrent misses for one key share one call.
 */
public final class ContentReadCache {

    private final Cache<String, Object> cache;
    private final boolean enabled;

    public ContentReadCache(ContentCacheProperties properties, MeterRegistry registry) {
        this.enabled = !properties.ttl().isZero();
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.maxEntries())
                .expireAfterWrite(properties.ttl())
                .recordStats()
                .build();
        if (registry != null) {
            CaffeineCacheMetrics.monitor(registry, cache, "site.content");
        }
    }

    /** The cached answer to {@code key} or the loader's; never null (wrap "not found" in {@code Optional}). */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> loader) {
        if (!enabled) {
            return loader.get();
        }
        return (T) cache.get(key, k -> loader.get());
    }

    /** Cache statistics (tests; the metrics are {@code cache_*{cache="site.content"}}). */
    public com.github.benmanes.caffeine.cache.stats.CacheStats stats() {
        return cache.stats();
    }
}
