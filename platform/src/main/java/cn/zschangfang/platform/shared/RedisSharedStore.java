package cn.zschangfang.platform.shared;

import cn.zschangfang.platform.secrets.TokenHashes;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store every instance shares: Bucket4j's compare-and-swap buckets and {@code SET NX PX} marks in one Redis,
 * each key hashed and prefixed with the service's name so that services sharing a Redis never meet. One multiplexed Lettuce
 * connection (thread-safe, reconnects by itself); a command that fails or outlasts the timeout fails open.
 */
public final class RedisSharedStore implements SharedStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisSharedStore.class);
    private static final byte[] MARK = {1};
    private static final Duration WARN_EVERY = Duration.ofSeconds(30);

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final ProxyManager<String> buckets;
    private final String prefix;
    private final Counter failures;
    private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.EPOCH);

    /** Connects at once: a Redis that cannot be reached at start stops the start, like a setting that is wrong. */
    public RedisSharedStore(SharedStoreProperties properties, String prefix, MeterRegistry meters) {
        RedisURI uri = RedisURI.create(properties.redisUrl());
        // The URI's timeout bounds the connection handshake; each command has the shorter one set below.
        uri.setTimeout(properties.connectTimeout());
        this.client = RedisClient.create(uri);
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.connection.setTimeout(properties.commandTimeout());
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        this.prefix = prefix;
        this.failures = meters == null
                ? null
                : Counter.builder("platform.shared_store.failures")
                        .description("Redis commands that failed or timed out; the request went on without the limit")
                        .register(meters);
    }

    @Override
    public ConsumptionProbe tryConsume(String key, Supplier<BucketConfiguration> configuration) {
        try {
            return buckets.builder().build(key(key), configuration).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            failed(e);
            return ConsumptionProbe.consumed(0, 0);
        }
    }

    @Override
    public boolean markFirst(String key, Duration window) {
        try {
            return "OK"
                    .equals(connection
                            .sync()
                            .set(key(key), MARK, SetArgs.Builder.nx().px(window.toMillis())));
        } catch (RuntimeException e) {
            failed(e);
            return true;
        }
    }

    @Override
    public void unmark(String key) {
        try {
            connection.sync().del(key(key));
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }

    /** Keys carry phones, client addresses and visitor ids: Redis only ever sees their hash. */
    private String key(String key) {
        return prefix + TokenHashes.sha256(key);
    }

    private void failed(RuntimeException e) {
        if (failures != null) {
            failures.increment();
        }
        Instant now = Instant.now();
        Instant last = lastWarning.get();
        if (now.isAfter(last.plus(WARN_EVERY)) && lastWarning.compareAndSet(last, now)) {
            // The class only: a Redis error message can carry the key, and keys hold visitor ids.
            log.warn(
                    "shared store: Redis command failed ({}); rate limits and dedupe fail open until it answers",
                    e.getClass().getSimpleName());
        }
    }
}
