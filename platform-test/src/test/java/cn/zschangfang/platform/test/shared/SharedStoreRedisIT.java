package cn.zschangfang.platform.test.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.platform.shared.InMemorySharedStore;
import cn.zschangfang.platform.shared.RedisSharedStore;
import cn.zschangfang.platform.shared.SharedStore;
import cn.zschangfang.platform.shared.SharedStoreProperties;
import cn.zschangfang.platform.test.RedisServer;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two stores on one real Redis stand for two instances of a service: they must see one budget and one set of marks,
 * where two in-memory stores (the default without {@code REDIS_URL}) each grant the whole budget.
 */
class SharedStoreRedisIT {

    private static final Supplier<BucketConfiguration> FIVE_PER_MINUTE = () -> BucketConfiguration.builder()
            .addLimit(Bandwidth.builder()
                    .capacity(5)
                    .refillGreedy(5, Duration.ofMinutes(1))
                    .build())
            .build();

    private RedisServer redis;
    private RedisSharedStore first;
    private RedisSharedStore second;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        first = store();
        second = store();
    }

    @AfterEach
    void stop() throws Exception {
        first.close();
        second.close();
        redis.close();
    }

    @Test
    void twoInstancesOnOneRedisGrantOneBudgetBetweenThem() {
        long granted = IntStream.range(0, 8)
                .filter(i -> (i % 2 == 0 ? first : second)
                        .tryConsume("ip:203.0.113.7", FIVE_PER_MINUTE)
                        .isConsumed())
                .count();

        assertThat(granted).isEqualTo(5);
        assertThat(second.tryConsume("ip:203.0.113.7", FIVE_PER_MINUTE).getNanosToWaitForRefill())
                .isPositive();
        assertThat(first.tryConsume("ip:198.51.100.1", FIVE_PER_MINUTE).isConsumed())
                .as("another key has a budget of its own")
                .isTrue();
    }

    @Test
    void withoutTheSharedStoreEachInstanceGrantsTheWholeBudget() {
        List<SharedStore> instances = List.of(
                new InMemorySharedStore(1000, Clock.systemUTC()), new InMemorySharedStore(1000, Clock.systemUTC()));

        long granted = IntStream.range(0, 8)
                .filter(i -> instances
                        .get(i % 2)
                        .tryConsume("ip:203.0.113.7", FIVE_PER_MINUTE)
                        .isConsumed())
                .count();

        assertThat(granted).isEqualTo(8);
        assertThat(instances.get(0).shared()).isFalse();
        assertThat(first.shared()).isTrue();
    }

    @Test
    void aMarkSetOnOneInstanceHoldsOnTheOtherUntilItsWindowEnds() {
        assertThat(first.markFirst("view:a1:v1", Duration.ofMillis(400))).isTrue();
        assertThat(second.markFirst("view:a1:v1", Duration.ofMillis(400))).isFalse();
        assertThat(second.markFirst("view:a2:v1", Duration.ofMillis(400))).isTrue();

        await().atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> second.markFirst("view:a1:v1", Duration.ofMinutes(30)));
        assertThat(first.markFirst("view:a1:v1", Duration.ofMinutes(30))).isFalse();
    }

    @Test
    void anUnmarkedKeyIsFirstAgainOnEveryInstance() {
        assertThat(first.markFirst("view:a1:v1", Duration.ofMinutes(30))).isTrue();
        second.unmark("view:a1:v1");
        assertThat(first.markFirst("view:a1:v1", Duration.ofMinutes(30))).isTrue();
    }

    @Test
    void redisHoldsOnlyHashesOfTheKeysUnderTheServicesPrefix() {
        first.tryConsume("phone:13919861447", FIVE_PER_MINUTE);
        first.markFirst("view:a1:visitor-42", Duration.ofMinutes(30));

        try (RedisClient client = RedisClient.create(redis.url());
                StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = connection.sync().keys("*");
            assertThat(keys).hasSize(2).allMatch(key -> key.matches("test-service:[0-9a-f]{64}"));
            assertThat(String.join(" ", keys)).doesNotContain("13919861447").doesNotContain("visitor-42");
        }
    }

    @Test
    void whenRedisStopsTheStoreFailsOpenWithinItsTimeout() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RedisSharedStore watched = new RedisSharedStore(properties(), "test-service:", meters);
        try {
            IntStream.range(0, 5).forEach(i -> watched.tryConsume("ip:203.0.113.9", FIVE_PER_MINUTE));
            assertThat(watched.tryConsume("ip:203.0.113.9", FIVE_PER_MINUTE).isConsumed())
                    .isFalse();
            redis.close();

            long started = System.nanoTime();
            assertThat(watched.tryConsume("ip:203.0.113.9", FIVE_PER_MINUTE).isConsumed())
                    .isTrue();
            assertThat(watched.markFirst("view:a1:v1", Duration.ofMinutes(30))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(meters.counter("platform.shared_store.failures").count()).isEqualTo(2);
        } finally {
            watched.close();
        }
    }

    private RedisSharedStore store() {
        return new RedisSharedStore(properties(), "test-service:", null);
    }

    private SharedStoreProperties properties() {
        return new SharedStoreProperties(URI.create(redis.url()), Duration.ofMillis(250), Duration.ofSeconds(5), 1000);
    }
}
