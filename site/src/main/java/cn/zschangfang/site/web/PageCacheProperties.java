package cn.zschangfang.site.web;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The site's cache of rendered public pages ({@code site.page-cache.*}, {@link PageCache}).
 *
 * @param ttl how long one rendered page is served again (env {@code SITE_PAGE_CACHE_TTL}); it adds to
 *     {@code site.content-cache.ttl}, and the two together may not pass 1 s, the bound for an edit to show
 *     (checked at start-up); 0 turns the cache off
 * @param maxSize the bytes of HTML held at most, least used out first (a seed article page is about 41 KB)
 */
@Validated
@ConfigurationProperties("site.page-cache")
public record PageCacheProperties(
        @NotNull @DefaultValue("300ms") @DurationMin(millis = 0) @DurationMax(seconds = 1)
        Duration ttl,

        @NotNull @DefaultValue("16MB") DataSize maxSize) {}
