package cn.zschangfang.site.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The site's in-process cache of content-service reads ({@code site.content-cache.*}).
 *
 * @param ttl how long one answer (article, list, tags, listing, search) is reused (env
 *     {@code SITE_CONTENT_CACHE_TTL}); 500 ms plus content-service's own propagation (tens of milliseconds) keeps the
 *     promise that an edit is visible within a second on every page; at most 1 s; 0 turns the cache off
 * @param maxEntries bound of the cache, least used out first
 */
@Validated
@ConfigurationProperties("site.content-cache")
public record ContentCacheProperties(
        @NotNull @DefaultValue("500ms") @DurationMin(millis = 0) @DurationMax(seconds = 1)
        Duration ttl,

        @DefaultValue("5000") @Min(1) int maxEntries) {}
