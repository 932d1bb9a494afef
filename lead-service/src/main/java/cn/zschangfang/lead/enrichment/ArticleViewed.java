package cn.zschangfang.lead.enrichment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** lead-service's own tolerant view of {@code content.article-viewed}: unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleViewed(
        String eventId,
        Instant occurredAt,
        String articleId,
        String slug,
        String title,
        String category,
        List<String> tags,
        String visitorId) {}
