package cn.zschangfang.content.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** The counter's tolerant reading of {@code content.article-viewed}: only what it needs, unknown fields ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ViewedRecord(String eventId, Instant occurredAt, String articleId, String slug, String visitorId) {

    boolean isComplete() {
        return eventId != null && !eventId.isBlank() && occurredAt != null && articleId != null && visitorId != null;
    }
}
