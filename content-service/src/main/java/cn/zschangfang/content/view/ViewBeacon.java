package cn.zschangfang.content.view;

import cn.zschangfang.content.config.ContentProperties;
import cn.zschangfang.platform.shared.SharedStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Decides whether a beacon is a counted view: unknown/draft slug → not found; bot → not counted; repeat within the
 * window → deduplicated; otherwise stored durably in the view outbox and published. Only counted views are published,
 * so every consumer of the topic (this service's counter, lead-service's interest profile) sees the same, already
 * filtered, stream. One MongoDB insert per counted view (the outbox), none for repeats and bots, no broker wait:
 * metadata is cached and the dedupe window lives in memory.
 */
@Service
public class ViewBeacon {

    /** Outcome of one beacon. */
    public enum Outcome {
        /** Stored in the outbox: it will be published and counted. */
        COUNTED,
        DUPLICATE,
        BOT,
        /** Too many views are waiting for the broker: not taken, the client should retry later. */
        REJECTED
    }

    private final ArticleMetaCache articles;
    private final VisitorDedupe dedupe;
    private final BotFilter bots;
    private final ViewPublisher publisher;
    private final Clock clock;
    private final Counter accepted;
    private final Counter deduplicated;
    private final Counter botViews;

    public ViewBeacon(
            ArticleMetaCache articles,
            ViewPublisher publisher,
            ContentProperties properties,
            SharedStore marks,
            Clock clock,
            MeterRegistry meters) {
        this.articles = articles;
        this.publisher = publisher;
        this.clock = clock;
        ContentProperties.Views v = properties.views();
        this.dedupe = new VisitorDedupe(marks, v.dedupeWindow());
        this.bots = new BotFilter(v.botUserAgents(), v.countMissingUserAgent());
        this.accepted = ViewMeters.counter(
                meters, "content.views.accepted", "Views counted: stored in the outbox, to be published");
        this.deduplicated = ViewMeters.counter(
                meters, "content.views.deduplicated", "Repeat views of one visitor within the dedupe window");
        this.botViews = ViewMeters.counter(
                meters, "content.views.bots", "Views dropped because the User-Agent is a crawler or bot");
    }

    /**
     * Empty when the slug is not a published article. Throws when MongoDB cannot store a counted view (nothing is
     * counted, the visitor is not remembered, so a retry can count).
     */
    public Optional<Outcome> view(String slug, String visitorId, String referrer, String userAgent) {
        Optional<ArticleMeta> found = articles.find(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ArticleMeta meta = found.get();
        if (bots.isBot(userAgent)) {
            botViews.increment();
            return Optional.of(Outcome.BOT);
        }
        if (!dedupe.firstInWindow(meta.articleId(), visitorId)) {
            deduplicated.increment();
            return Optional.of(Outcome.DUPLICATE);
        }
        ArticleViewed event = new ArticleViewed(
                UUID.randomUUID().toString(),
                clock.instant(),
                meta.articleId(),
                meta.slug(),
                meta.title(),
                meta.category(),
                meta.tags(),
                visitorId,
                referrer);
        boolean taken;
        try {
            taken = publisher.accept(event);
        } catch (RuntimeException e) {
            dedupe.forget(meta.articleId(), visitorId);
            throw e;
        }
        if (!taken) {
            dedupe.forget(meta.articleId(), visitorId);
            return Optional.of(Outcome.REJECTED);
        }
        accepted.increment();
        return Optional.of(Outcome.COUNTED);
    }
}
