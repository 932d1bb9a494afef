package cn.zschangfang.content.view;

import java.time.Instant;
import java.util.List;

/**
 * Payload of {@code content.article-viewed} as this service publishes it (schema:
 * {@code contracts/content.article-viewed.schema.json}); one record is one counted view.
 */
public record ArticleViewed(
        String eventId,
        Instant occurredAt,
        String articleId,
        String slug,
        String title,
        String category,
        List<String> tags,
        String visitorId,
        String referrer) {}
