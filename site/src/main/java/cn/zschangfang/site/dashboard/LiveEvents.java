package cn.zschangfang.site.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The four topics as the dashboard reads them: tolerant records of our own, after the producers' JSON Schemas
 * ({@code <service>/src/main/resources/contracts/}), only the fields the board uses; unknown fields are ignored,
 * missing ones are null.
 */
public final class LiveEvents {

    private LiveEvents() {}

    /** {@code content.article-viewed}: one counted view. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ArticleViewed(String eventId, Instant occurredAt, String slug, String title, String visitorId) {}

    /** {@code lead.captured}: a new inquiry (contact masked on Kafka). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LeadCaptured(
            String eventId,
            String leadId,
            Instant receivedAt,
            String intent,
            String propertyType,
            String town,
            String sourceArticle,
            String channel,
            Integer score) {}

    /** {@code lead.status-changed}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusChanged(String eventId, String leadId, String status) {}

    /** {@code notify.delivery}: one attempt's outcome. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(
            String eventId, Instant occurredAt, String leadId, String agentId, String channel, String status) {}
}
