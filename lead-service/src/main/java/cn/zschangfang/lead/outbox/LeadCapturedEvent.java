package cn.zschangfang.lead.outbox;

import java.time.Instant;
import java.util.List;

/**
 * Payload of {@code lead.captured} (schema: {@code contracts/lead.captured.schema.json}). Carries no full phone or
 * name: agents open the lead through the lead API.
 */
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
        int score,
        List<String> scoreReasons,
        Interests interests,
        Requirements requirements,
        SourceListing sourceListing,
        List<Match> matches) {

    public record Range(Double min, Double max) {}

    public record Interests(List<Article> articles, List<String> tags, List<String> towns) {}

    public record Article(String slug, String title) {}

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

    public record Budget(Double amount, String unit) {}

    public record SourceListing(String listingId, String slug, String title, String agentId) {}

    public record Match(String listingId, String slug, String title, int score, List<String> reasons) {}
}
