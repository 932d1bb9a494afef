package cn.zschangfang.notify.intake;

import cn.zschangfang.notify.lead.Lead;
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

    /** notify's own model of the lead; its arrival is {@code receivedAt}, else the event's time. */
    public Lead toLead() {
        return new Lead(
                leadId,
                receivedAt != null ? receivedAt : occurredAt,
                intent,
                propertyType,
                town,
                range(areaSqm),
                range(areaMu),
                use,
                expectedAnnualTaxWan,
                company,
                contactNameMasked,
                phoneMasked,
                message,
                sourceArticle,
                visitorId,
                channel,
                score,
                scoreReasons);
    }

    private static Lead.Range range(Range r) {
        return r == null ? null : new Lead.Range(r.min(), r.max());
    }
}
