package cn.zschangfang.content.article;

import cn.zschangfang.content.cache.ChangeBroadcast;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells every instance that an article changed: {@code content.article-changed} (key {@code articleId}, schema in
 * {@code contracts/content.article-changed.schema.json}). Only caches consume it; it is best effort (see
 * {@link ChangeBroadcast}).
 */
@Component
public class ArticleChangeEvents {

    public static final String TOPIC = "content.article-changed";
    static final String BINDING = "articleChanged-out-0";
    static final String TYPE = "cn.zschangfang.content.article-changed.v1";

    /** The event as it goes on the wire. */
    public record Payload(
            String eventId, Instant occurredAt, String articleId, String slug, ArticleChanged.Change change) {}

    private final ChangeBroadcast broadcast;

    public ArticleChangeEvents(ChangeBroadcast broadcast) {
        this.broadcast = broadcast;
    }

    @EventListener
    void on(ArticleChanged changed) {
        broadcast.publish(
                BINDING,
                TYPE,
                changed.articleId(),
                (eventId, at) -> new Payload(eventId, at, changed.articleId(), changed.slug(), changed.change()));
    }
}
