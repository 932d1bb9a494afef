package cn.zschangfang.content.cache;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Creates the feature caches with the shared settings and registers them as {@code cache_*} metrics. */
@Component
public class ReadCaches {

    private final ReadCacheProperties properties;
    private final MeterRegistry registry;

    public ReadCaches(ReadCacheProperties properties, ObjectProvider<MeterRegistry> registry) {
        this.properties = properties;
        this.registry = registry.getIfAvailable();
    }

    public <K, V> ReadCache<K, V> create(String name) {
        return create(name, properties.ttl());
    }

    /** A cache whose entries live at most {@code ttl} (and never longer than the safety TTL). */
    public <K, V> ReadCache<K, V> create(String name, Duration ttl) {
        Duration bounded = ttl.compareTo(properties.ttl()) < 0 ? ttl : properties.ttl();
        return new ReadCache<>(name, properties.enabled(), properties.maxEntries(), bounded, registry);
    }

    public ReadCacheProperties properties() {
        return properties;
    }
}
