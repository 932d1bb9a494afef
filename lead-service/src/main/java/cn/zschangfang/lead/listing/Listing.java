package cn.zschangfang.lead.listing;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * lead-service's projection of one listing, as the last applied listing event described it. A withdrawn listing
 * stays as a tombstone ({@code active} false, {@code status} LEASED/SOLD/WITHDRAWN) with its last snapshot: a late
 * {@code listing-changed} from another topic (no order across topics) cannot bring it back, and an inquiry sent from
 * its page just before it was taken down still names it.
 *
 * @param version {@code occurredAt} of the event applied last; an older event is ignored
 */
@Document("listings")
public record Listing(
        @Id String id,
        @Unwrapped.Empty Facts facts,
        @Indexed boolean active,
        String status,
        Instant version) {

    /**
     * What the last {@code listing-published} or {@code listing-changed} said about the listing, in content-service's
     * names. {@link Unwrapped} in MongoDB and {@code JsonUnwrapped} in the event, so both stay flat: one copy of the
     * fields for the event read and the projection stored.
     */
    public record Facts(
            @Indexed String slug,
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

    /** @param version the event's {@code occurredAt}, or when it was consumed if the event had none */
    static Listing of(ListingEvents.Snapshot e, Instant version) {
        return new Listing(e.listingId(), e.listing(), true, "PUBLISHED", version);
    }
}
