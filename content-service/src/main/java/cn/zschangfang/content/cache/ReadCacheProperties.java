package cn.zschangfang.content.cache;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The in-memory read cache of published articles and listings ({@code content.cache.*}). Entries are dropped on every
 * instance by the change topics; the TTL only bounds staleness when such an event is lost (Kafka down).
 *
 * @param enabled off: every read goes to MongoDB as before (env {@code CONTENT_CACHE_ENABLED})
 * @param maxEntries bound of each cache (articles, article pages, listings, listing searches), least used out first
 *     (env {@code CONTENT_CACHE_MAX_ENTRIES})
 * @param ttl safety expiry of every entry (env {@code CONTENT_CACHE_TTL})
 * @param viewsTtl how long a view count (and the order of {@code sort=popular}) may be reused: view counts change
 *     with every counted view, so they are kept out of the cached articles and merged from this short-lived cache
 *     (env {@code CONTENT_CACHE_VIEWS_TTL}); at most 5 s so a count shown is never much older than the counter's
 */
@ConfigurationProperties("content.cache")
@Validated
public record ReadCacheProperties(
        @DefaultValue("true") boolean enabled,

        @DefaultValue("10000") @Min(1) int maxEntries,

        @DefaultValue("60s") @NotNull @DurationMin(millis = 1)
        Duration ttl,

        @DefaultValue("1s") @NotNull @DurationMin(millis = 1) @DurationMax(seconds = 5)
        Duration viewsTtl) {}
