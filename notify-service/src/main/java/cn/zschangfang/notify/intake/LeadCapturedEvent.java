package cn.zschangfang.notify.intake;

import cn.zschangfang.notify.lead.Lead;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

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
        List<String> scoreReasons,
        Requirements requirements,
        SourceListing sourceListing,
        List<Match> matches) {

    /** A numeric range; either end may be missing. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Range(Double min, Double max) {}

    /** The visitor's structured needs (all optional); enumerations read as strings so a new value is no failure. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Requirements(
            Double minClearHeightM,
            Double minPowerKva,
            String floor,
            String fireClass,
            Double craneTonnage,
            Budget budget,
            String moveInDate,
            Integer leaseTermMonths,
            String industry) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Budget(Double amount, String unit) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SourceListing(String listingId, String slug, String title, String agentId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Match(String listingId, String slug, String title, Double score, List<String> reasons) {}

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
                scoreReasons,
                requirements(requirements),
                sourceListing == null
                        ? null
                        : new Lead.SourceListing(
                                sourceListing.listingId(),
                                sourceListing.slug(),
                                sourceListing.title(),
                                sourceListing.agentId()),
                matches == null
                        ? List.of()
                        : matches.stream()
                                .filter(Objects::nonNull)
                                .map(m -> new Lead.Match(m.listingId(), m.slug(), m.title(), m.score(), m.reasons()))
                                .toList());
    }

    private static Lead.Requirements requirements(Requirements r) {
        return r == null
                ? null
                : new Lead.Requirements(
                        r.minClearHeightM(),
                        r.minPowerKva(),
                        r.floor(),
                        r.fireClass(),
                        r.craneTonnage(),
                        r.budget() == null
                                ? null
                                : new Lead.Budget(
                                        r.budget().amount(), r.budget().unit()),
                        r.moveInDate(),
                        r.leaseTermMonths(),
                        r.industry());
    }

    private static Lead.Range range(Range r) {
        return r == null ? null : new Lead.Range(r.min(), r.max());
    }
}
