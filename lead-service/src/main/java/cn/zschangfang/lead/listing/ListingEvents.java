package cn.zschangfang.lead.listing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
            @JsonUnwrapped Listing.Facts listing) {}

    /** {@code content.listing-withdrawn}: leased, sold or taken down. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Withdrawn(String eventId, Instant occurredAt, String listingId, String status) {}
}
