package cn.zschangfang.notify.lead;

import java.time.Instant;
import java.util.List;

/**
 * What notify-service knows of a lead: the masked fields an agent's message shows. Its own model, not the Kafka
 * record ({@code intake} maps {@code lead.captured} to it), so routing, channels and deliveries do not depend on the
 * wire format. Field names equal the stored {@code lead_cases.lead} sub-document's, so existing documents read.
 *
 * @param receivedAt when lead-service accepted the lead (time-to-first-delivery is measured from it)
 */
public record Lead(
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
    public record Range(Double min, Double max) {}

    /** When the lead arrived, for the time-to-first-delivery metric. */
    public Instant capturedAt() {
        return receivedAt;
    }
}
