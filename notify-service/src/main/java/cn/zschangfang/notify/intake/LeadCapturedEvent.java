package cn.zschangfang.notify.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * notify-service's own tolerant view of {@code lead.captured} (lead-service owns the schema). Carries only masked
 * personal data; unknown properties are ignored so the producer can add fields.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadCapturedEvent(
        String eventId,
        Instant occurredAt,
        String leadId,
        Instant receivedAt,
        String intent,
        String propertyType,
        String town,
        Range areaSqm,
        Range areaMu,
        String use,
        Double expectedAnnualTaxWan,
        String company,
        String contactNameMasked,
        String phoneMasked,
        String message,
        String sourceArticle,
        String visitorId,
        String channel,
        Integer score,
        List<String> scoreReasons) {

    /** A numeric range; either end may be missing. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Range(Double min, Double max) {}

    /** When the lead arrived, for the time-to-first-delivery metric. */
    public Instant capturedAt() {
        return receivedAt != null ? receivedAt : occurredAt;
    }
}
