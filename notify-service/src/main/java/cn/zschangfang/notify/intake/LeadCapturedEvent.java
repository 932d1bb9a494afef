package cn.zschangfang.notify.intake;

import cn.zschangfang.notify.lead.Lead;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * notify-service's own tolerant view of {@code lead.captured} (lead-service owns the schema): only the fields notify
 * reads. Carries only masked personal data; unknown properties are ignored so the producer can add fields. The
 * nested parts are read straight into {@link Lead}'s, which have the schema's shape and are as tolerant.
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
        Lead.Range areaSqm,
        Lead.Range areaMu,
        String use,
        Double expectedAnnualTaxWan,
        String company,
        String contactNameMasked,
        String phoneMasked,
        String message,
        Integer score,
        Lead.Requirements requirements,
        Lead.SourceListing sourceListing,
        List<Lead.Match> matches) {

    /** notify's own model of the lead; its arrival is {@code receivedAt}, else the event's time. */
    public Lead toLead() {
        return new Lead(
                leadId,
                receivedAt != null ? receivedAt : occurredAt,
                intent,
                propertyType,
                town,
                areaSqm,
                areaMu,
                use,
                expectedAnnualTaxWan,
                company,
                contactNameMasked,
                phoneMasked,
                message,
                score,
                requirements,
                sourceListing,
                matches);
    }
}
