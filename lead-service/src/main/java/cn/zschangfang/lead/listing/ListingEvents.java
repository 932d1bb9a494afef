package cn.zschangfang.lead.listing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * lead-service's own tolerant views of content-service's listing events (the producer's schemas are
 * {@code content-service/src/main/resources/contracts/content.listing-*.schema.json}): unknown fields are ignored and
 * enumerations are kept as text, so a value added by content-service later never stops the consumer.
 */
public final class ListingEvents {

    private ListingEvents() {}

    /** {@code content.listing-published} and {@code content.listing-changed}: a flat snapshot of what matching needs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Snapshot(
            String eventId,
            Instant occurredAt,
            String listingId,
            String slug,
            String title,
            String deal,
            String propertyType,
            String town,
            Double buildingAreaTotal,
            Double usableArea,
            Double lotSizeArea,
            Double minDivisibleSqm,
            Integer floor,
            Integer floorsTotal,
            String buildingForm,
            Double clearHeightM,
            Double powerKva,
            String fireHazardClass,
            Double craneTonnage,
            Double rentYuanPerSqmMonth,
            Double listPriceWan,
            String agentId,
            Instant publishedAt) {}

    /** {@code content.listing-withdrawn}: leased, sold or taken down. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Withdrawn(String eventId, Instant occurredAt, String listingId, String status) {}
}
