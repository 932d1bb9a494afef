package cn.zschangfang.content.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadCacheTest {

    private final AtomicInteger loads = new AtomicInteger();

    private ReadCache<String, String> cache(boolean enabled) {
        return new ReadCache<>("test", enabled, 100, Duration.ofMinutes(1), null);
    }

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @Test
    void aSecondReadIsAHitAndAnInvalidationLoadsAgain() {
        ReadCache<String, String> cache = cache(true);
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        assertThat(cache.stats().hitCount()).isEqualTo(1);
        cache.invalidateAll();
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
    }

    @Test
    void aLoadThatStartedBeforeAChangeIsNotServedAfterIt() {
        ReadCache<String, String> cache = cache(true);
        // The loader reads the old document, then the change (write + eviction) happens before it returns.
        String stale = cache.get("a", k -> {
            cache.invalidateAll();
            return "old";
        });
        assertThat(stale).isEqualTo("old");
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
    }

    @Test
    void aFailedLoadStoresNothing() {
        ReadCache<String, String> cache = cache(true);
        assertThatThrownBy(() -> cache.get("a", k -> {
                    throw new IllegalStateException("MongoDB down");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
    }

    @Test
    void disabledEveryReadLoads() {
        ReadCache<String, String> cache = cache(false);
        cache.get("a", this::load);
        cache.get("a", this::load);
        assertThat(loads).hasValue(2);
    }

    @Test
    void theVersionTagIsTheSameForTheSameContentAndMixesTheCounts() {
        tools.jackson.databind.json.JsonMapper json =
                tools.jackson.databind.json.JsonMapper.builder().build();
        record Doc(String title) {}
        String hash = Etags.contentHash(json, new Doc("a"));
        assertThat(Etags.contentHash(json, new Doc("a"))).isEqualTo(hash);
        assertThat(Etags.contentHash(json, new Doc("b"))).isNotEqualTo(hash);
        assertThat(Etags.weak(hash, 1, 2)).startsWith("W/\"" + hash).isEqualTo(Etags.weak(hash, 1, 2));
        assertThat(Etags.weak(hash, 1, 2)).isNotEqualTo(Etags.weak(hash, 2, 1));
    }
}
