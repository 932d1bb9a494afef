package cn.zschangfang.platform.shared;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * One {@link SharedStore} per service: Redis when {@code platform.shared-store.redis-url} ({@code REDIS_URL}) is set,
 * this instance's memory when it is not. The choice is logged once at start, since it decides whether limits and
 * the view dedupe hold across instances.
 *
 * <p>Lazy: created (and its choice logged, and Redis connected) only in a service that injects it, so that notify and
 * the site, which keep their shared state in MongoDB, neither connect to Redis nor log a store they do not use.
 */
@AutoConfiguration
@EnableConfigurationProperties(SharedStoreProperties.class)
public class SharedStoreAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SharedStoreAutoConfiguration.class);

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    SharedStore sharedStore(
            SharedStoreProperties properties,
            @Value("${spring.application.name:service}") String service,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<Clock> clock) {
        if (properties.redisUrl() == null) {
            log.info("shared store: in memory (REDIS_URL not set): rate limits and the view dedupe hold for this"
                    + " instance only");
            return new InMemorySharedStore(properties.memoryMaxEntries(), clock.getIfAvailable(Clock::systemUTC));
        }
        RedisSharedStore store = new RedisSharedStore(properties, service + ":", meters.getIfAvailable());
        log.info(
                "shared store: Redis at {}: rate limits and the view dedupe hold across every instance",
                properties.redisUrlForLog());
        return store;
    }
}
