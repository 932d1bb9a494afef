package cn.zschangfang.site.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContentReadCacheTest {

    private final AtomicInteger calls = new AtomicInteger();

    private Optional<String> call() {
        return Optional.of("answer " + calls.incrementAndGet());
    }

    @Test
    void anAnswerIsReusedWithinTheTtlAndAskedForAgainAfterIt() {
        ContentReadCache cache = new ContentReadCache(new ContentCacheProperties(Duration.ofMillis(200), 10), null);
        assertThat(cache.get("article:a", this::call)).hasValue("answer 1");
        assertThat(cache.get("article:a", this::call)).hasValue("answer 1");
        assertThat(cache.get("article:b", this::call)).hasValue("answer 2");
        await().atMost(Duration.ofSeconds(2))
                .until(() -> cache.get("article:a", this::call).equals(Optional.of("answer 3")));
    }

    @Test
    void aFailedCallIsNotCached() {
        ContentReadCache cache = new ContentReadCache(new ContentCacheProperties(Duration.ofSeconds(1), 10), null);
        assertThatThrownBy(() -> cache.get("tags", () -> {
                    throw new IllegalStateException("content-service down");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(cache.get("tags", this::call)).hasValue("answer 1");
    }

    @Test
    void aZeroTtlAsksEveryTime() {
        ContentReadCache cache = new ContentReadCache(new ContentCacheProperties(Duration.ZERO, 10), null);
        cache.get("tags", this::call);
        cache.get("tags", this::call);
        assertThat(calls).hasValue(2);
    }
}
