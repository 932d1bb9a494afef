package cn.zschangfang.platform.test.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.platform.shared.InMemorySharedStore;
import cn.zschangfang.platform.shared.RedisSharedStore;
import cn.zschangfang.platform.shared.SharedStore;
import cn.zschangfang.platform.shared.SharedStoreAutoConfiguration;
import cn.zschangfang.platform.test.RedisServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The store a service gets from its settings: memory without a URL, Redis with one, no start with a bad one; and no
 * store at all in a service that does not use it.
 */
class SharedStoreAutoConfigurationIT {

    /** A service that uses the store, as lead-service's rate limits do. */
    record StoreUser(SharedStore store) {}

    private final ApplicationContextRunner withoutUser = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SharedStoreAutoConfiguration.class))
            .withPropertyValues("spring.application.name=lead-service");

    private final ApplicationContextRunner contexts = withoutUser.withBean(StoreUser.class);

    @Test
    void withoutARedisUrlTheStoreIsThisInstancesMemory() {
        contexts.withPropertyValues("platform.shared-store.redis-url=").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SharedStore.class)).isInstanceOf(InMemorySharedStore.class);
        });
    }

    @Test
    void withARedisUrlEveryInstanceSharesRedis() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            contexts.withPropertyValues("platform.shared-store.redis-url=" + redis.url())
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(SharedStore.class))
                                .isInstanceOf(RedisSharedStore.class)
                                .extracting(SharedStore::shared)
                                .isEqualTo(true);
                    });
        }
    }

    @Test
    void aUrlThatIsNotRedisStopsTheStart() {
        contexts.withPropertyValues("platform.shared-store.redis-url=http://cache.internal:6379")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("REDIS_URL")
                        .hasMessageContaining("redis://"));
    }

    @Test
    void aTimeoutThatDoesNotParseStopsTheStart() {
        contexts.withPropertyValues("platform.shared-store.command-timeout=soon")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void aRedisThatCannotBeReachedAtStartStopsTheStart() throws Exception {
        contexts.withPropertyValues("platform.shared-store.redis-url=" + aRedisThatIsGone())
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void aServiceThatDoesNotUseTheStoreNeitherCreatesNorConnectsIt() throws Exception {
        // notify and the site keep their shared state in MongoDB: an unreachable Redis must not stop them
        withoutUser
                .withPropertyValues("platform.shared-store.redis-url=" + aRedisThatIsGone())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeanFactory().containsSingleton("sharedStore"))
                            .isFalse();
                });
    }

    /** The URL of a Redis that was started and stopped again: its port is known to be free and nothing answers. */
    private static String aRedisThatIsGone() throws Exception {
        int port;
        try (RedisServer redis = RedisServer.start()) {
            port = redis.port();
        }
        return "redis://127.0.0.1:" + port;
    }
}
