package cn.zschangfang.content.cache;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The read caches of one feature (articles, listings), dropped together on any change of it: a change of one
 * document also changes lists, counts and other documents' answers, so finer eviction buys little (see {@link
 * ReadCache}). A subclass creates its caches with {@link #cache}, and calls {@link #invalidateAll()} from its
 * listener of the local change event, which runs on the writing request's thread; the other instances drop theirs
 * when the change arrives on {@link #topic()}, and all of them when the feed may have missed one.
 */
public abstract class FeatureReadCache implements RemoteChangeListener {

    private final ReadCaches caches;
    private final String topic;
    private final List<ReadCache<?, ?>> all = new CopyOnWriteArrayList<>();

    protected FeatureReadCache(ReadCaches caches, String topic) {
        this.caches = caches;
        this.topic = topic;
    }

    /** A cache of this feature with the shared settings (metric {@code cache_*{cache="content.<name>"}}). */
    protected final <K, V> ReadCache<K, V> cache(String name) {
        return register(caches.create(name));
    }

    /** Like {@link #cache(String)}, its entries living at most {@code ttl}. */
    protected final <K, V> ReadCache<K, V> cache(String name, Duration ttl) {
        return register(caches.create(name, ttl));
    }

    private <K, V> ReadCache<K, V> register(ReadCache<K, V> cache) {
        all.add(cache);
        return cache;
    }

    @Override
    public final String topic() {
        return topic;
    }

    @Override
    public final void onRemoteChange(String key) {
        invalidateAll();
    }

    @Override
    public final void onPossiblyMissed() {
        invalidateAll();
    }

    public final void invalidateAll() {
        all.forEach(ReadCache::invalidateAll);
    }
}
