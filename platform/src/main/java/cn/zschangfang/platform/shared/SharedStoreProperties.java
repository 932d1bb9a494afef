package cn.zschangfang.platform.shared;

import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the state that must agree across instances lives: rate-limit buckets and "seen once" windows.
 *
 * @param redisUrl {@code redis://[:password@]host:port[/db]} (or {@code rediss://}); empty keeps the state in this
 *     instance's memory, exact for one instance only. Each service maps {@code REDIS_URL} onto it.
 * @param commandTimeout how long one Redis command may take before the request goes on without it (fail open)
 * @param connectTimeout how long connecting (and reconnecting) may take, handshake included: longer than a command,
 *     since an instance that starts beside others on busy cores needs more than 250 ms for it and would otherwise not
 *     start
 * @param memoryMaxEntries bound of the in-memory store's keys when there is no Redis; the oldest go first
 */
@Validated
@ConfigurationProperties("platform.shared-store")
public record SharedStoreProperties(
        URI redisUrl,
        @DefaultValue("250ms") Duration commandTimeout,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("200000") @Min(1) int memoryMaxEntries) {

    public SharedStoreProperties {
        if (redisUrl != null && redisUrl.toString().isBlank()) {
            redisUrl = null;
        }
        if (redisUrl != null && !"redis".equals(redisUrl.getScheme()) && !"rediss".equals(redisUrl.getScheme())) {
            throw new IllegalArgumentException("platform.shared-store.redis-url (REDIS_URL) must be redis:// or"
                    + " rediss://host:port, not " + redisUrl.getScheme() + "://…");
        }
        if (redisUrl != null && redisUrl.getHost() == null) {
            throw new IllegalArgumentException("platform.shared-store.redis-url (REDIS_URL) names no host");
        }
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("platform.shared-store.command-timeout must be positive");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("platform.shared-store.connect-timeout must be positive");
        }
    }

    /** The URL without its password, for the start-up log. */
    public String redisUrlForLog() {
        if (redisUrl == null) {
            return "";
        }
        int port = redisUrl.getPort() < 0 ? 6379 : redisUrl.getPort();
        return redisUrl.getScheme() + "://" + redisUrl.getHost() + ":" + port
                + (redisUrl.getPath() == null ? "" : redisUrl.getPath());
    }
}
