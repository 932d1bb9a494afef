package cn.zschangfang.content.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A bounded Caffeine cache that is dropped as a whole on any change of its feature (articles change rarely and one
 * article's change also changes lists, tags and other articles' related reading, so finer eviction buys little).
 *
 * <p>Keys carry a generation that {@link #invalidateAll()} increments first: a load that started before a change
 * (and so may have read the old document) stores its value under the old generation, which no read asks for again.
 * Without it, such a load finishing just after the eviction would put the stale value back until the TTL.
 *
 * @param <K> the normalized request (slug, query record)
 * @param <V> what the request answers, never null (use {@code Optional} for "not found")
 */
public final class ReadCache<K, V> {

    private record Key<K>(long generation, K key) {}

    private final Cache<Key<K>, V> cache;
    private final boolean enabled;
    private final AtomicLong generation = new AtomicLong();

    ReadCache(String name, boolean enabled, int maxEntries, Duration ttl, MeterRegistry registry) {
        this.enabled = enabled;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .recordStats()
                .build();
        if (registry != null) {
            CaffeineCacheMetrics.monitor(registry, cache, "content." + name);
        }
    }

    /** The cached answer, or the loader's (stored) if absent; a loader's exception is thrown and nothing stored. */
    public V get(K key, Function<K, V> loader) {
        if (!enabled) {
            return loader.apply(key);
        }
        return cache.get(new Key<>(generation.get(), key), k -> loader.apply(k.key()));
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    public CacheStats stats() {
        return cache.stats();
    }
}
