package cn.zschangfang.lead.enrichment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * lead-service's own tolerant view of {@code content.article-viewed}: only what the reading history keeps, every
 * other field the producer sends is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleViewed(
        String eventId,
        Instant occurredAt,
        String slug,
        String title,
        String category,
        List<String> tags,
        String visitorId) {}
