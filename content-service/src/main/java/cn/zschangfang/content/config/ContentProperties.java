package cn.zschangfang.content.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of content-service ({@code content.*}). A value out of range, or one that does not parse (a duration, a
 * time zone), stops start-up with the property's name instead of running on a replacement.
 *
 * @param adminToken bearer token of the ADMIN role (env {@code ADMIN_TOKEN}); the development default is refused
 *     outside profile {@code local}
 * @param publicMaxAge {@code Cache-Control: max-age} of public article, listing, tag and category responses (short:
 *     edits are visible within 1 s; a revalidation with the ETag costs a 304 from the read cache)
 * @param statsZone time zone of "per day" statistics (the portal's visitors are in China)
 * @param views the view pipeline
 */
@ConfigurationProperties("content")
@Validated
public record ContentProperties(
        @DefaultValue(DEVELOPMENT_ADMIN_TOKEN) String adminToken,

        @DefaultValue("1s") @NotNull @DurationMin(seconds = 0)
        Duration publicMaxAge,

        @DefaultValue("Asia/Shanghai") @NotNull ZoneId statsZone,
        @DefaultValue @Valid Views views) {

    /** Development default of {@link #adminToken()}, printed by the local stack. */
    public static final String DEVELOPMENT_ADMIN_TOKEN = "local-admin-token";

    /**
     * The article-view pipeline.
     *
     * @param dedupeWindow one visitor counts at most once per article within this window (marks in the platform's
     *     shared store: Redis when {@code REDIS_URL} is set, else this instance's memory)
     * @param botUserAgents case-insensitive User-Agent substrings of crawlers and bots that are never counted
     * @param countMissingUserAgent whether a beacon without User-Agent counts (browsers always send one)
     * @param articleCacheTtl how long a slug's article metadata is cached by the beacon (bounds staleness across
     *     instances; the local instance invalidates immediately on change)
     * @param publishQueueCapacity counted views one instance holds while they wait for the broker (stored in the
     *     view outbox, not yet acknowledged); beyond it the beacon answers 503 with Retry-After instead of taking a
     *     view (never 202 and dropped)
     * @param counterRetryInitial first back-off when the counter cannot write a batch (e.g. MongoDB down)
     * @param counterRetryMax longest back-off; the counter retries for ever and never skips a batch
     */
    public record Views(
            @DefaultValue("30m") @NotNull @DurationMin(millis = 1)
            Duration dedupeWindow,

            @DefaultValue({
                "bot",
                "spider",
                "crawl",
                "slurp",
                "headless",
                "lighthouse",
                "facebookexternalhit",
                "bingpreview",
                "mediapartners",
                "python-requests",
                "scrapy",
                "httrack",
                "yandex",
                "sogou",
                "yisou",
                "petalbot",
                "360spider"
            })
            List<String> botUserAgents,

            @DefaultValue("false") boolean countMissingUserAgent,

            @DefaultValue("60s") @NotNull @DurationMin(millis = 0)
            Duration articleCacheTtl,

            @DefaultValue("100000") @Min(1) int publishQueueCapacity,

            @DefaultValue("500ms") @NotNull @DurationMin(millis = 1)
            Duration counterRetryInitial,

            @DefaultValue("30s") @NotNull @DurationMin(millis = 1)
            Duration counterRetryMax) {}
}
