package cn.zschangfang.lead.listing;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

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
        Instant publishedAt,
        @Indexed boolean active,
        String status,
        Instant version) {

    /** @param version the event's {@code occurredAt}, or when it was consumed if the event had none */
    static Listing of(ListingEvents.Snapshot e, Instant version) {
        return new Listing(
                e.listingId(),
                e.slug(),
                e.title(),
                e.deal(),
                e.propertyType(),
                e.town(),
                e.buildingAreaTotal(),
                e.usableArea(),
                e.lotSizeArea(),
                e.minDivisibleSqm(),
                e.floor(),
                e.floorsTotal(),
                e.buildingForm(),
                e.clearHeightM(),
                e.powerKva(),
                e.fireHazardClass(),
                e.craneTonnage(),
                e.rentYuanPerSqmMonth(),
                e.listPriceWan(),
                e.agentId(),
                e.publishedAt(),
                true,
                "PUBLISHED",
                version);
    }
}
