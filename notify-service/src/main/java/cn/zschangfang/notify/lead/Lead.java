package cn.zschangfang.notify.lead;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What notify-service knows of a lead: the masked fields an agent's message shows. Its own model, not the Kafka
 * record ({@code intake} maps {@code lead.captured} to it), so routing, channels and deliveries do not depend on the
 * wire format. Field names equal the stored {@code lead_cases.lead} sub-document's, so existing documents read (the
 * listing fields are simply null in documents written before they existed). Only what notify reads is kept: not, for
 * instance, the visitor id or the score's reasons. Its parts have {@code lead.captured}'s shape, so {@code intake} reads the
 * event's parts straight into them: they ignore unknown properties, and a part the event changes gets its own
 * record in {@code intake} again.
 *
 * @param receivedAt when lead-service accepted the lead (time-to-first-delivery is measured from it)
 * @param requirements the visitor's structured needs, or null
 * @param sourceListing the listing the visitor inquired from, or null (routing tries its agent first)
 * @param matches lead-service's best matching listings, best first (possibly empty, never null)
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
        Integer score,
        Requirements requirements,
        SourceListing sourceListing,
        List<Match> matches) {

    public Lead {
        matches = matches == null
                ? List.of()
                : matches.stream().filter(Objects::nonNull).toList();
    }

    /** A numeric range; either end may be missing. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Range(Double min, Double max) {}

    /**
     * The visitor's structured needs; every part optional. Enumerations stay strings here: a value notify does not
     * know is shown as it came (escaped), never a reason to refuse the lead.
     *
     * @param floor {@code GROUND_ONLY} or {@code ANY}
     * @param fireClass {@code A}…{@code E}
     * @param moveInDate {@code yyyy-MM-dd}
     */
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

    /** @param unit {@code YUAN_PER_SQM_MONTH}, {@code YUAN_PER_SQM_DAY}, {@code YUAN_PER_MU_YEAR} or {@code WAN_TOTAL} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Budget(Double amount, String unit) {}

    /** The listing the inquiry came from; {@code agentId} is its responsible agent. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SourceListing(String listingId, String slug, String title, String agentId) {}

    /** A matching listing with lead-service's score and the reasons it states. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Match(String listingId, String slug, String title, Double score, List<String> reasons) {

        public Match {
            reasons = reasons == null
                    ? List.of()
                    : reasons.stream().filter(Objects::nonNull).toList();
        }
    }

    /** When the lead arrived, for the time-to-first-delivery metric. */
    public Instant capturedAt() {
        return receivedAt;
    }

    /** The source listing's responsible agent, or null. */
    public String sourceListingAgentId() {
        return sourceListing == null
                        || sourceListing.agentId() == null
                        || sourceListing.agentId().isBlank()
                ? null
                : sourceListing.agentId();
    }
}
