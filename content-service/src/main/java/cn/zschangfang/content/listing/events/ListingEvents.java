package cn.zschangfang.content.listing.events;

import cn.zschangfang.content.listing.model.BuildingForm;
import cn.zschangfang.content.listing.model.Deal;
import cn.zschangfang.content.listing.model.FireHazardClass;
import cn.zschangfang.content.listing.model.Listing;
import cn.zschangfang.content.listing.model.ListingSpec;
import cn.zschangfang.content.listing.model.ListingStatus;
import cn.zschangfang.content.listing.model.PendingEvent;
import cn.zschangfang.content.listing.model.PropertyType;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the listing events as they go on the wire (schemas in {@code contracts/content.listing-*.schema.json}).
 * Published and changed carry a flat snapshot of what matching needs, never photos or the description.
 */
@Component
public class ListingEvents {

    public static final String PUBLISHED_TOPIC = "content.listing-published";
    public static final String CHANGED_TOPIC = "content.listing-changed";
    public static final String WITHDRAWN_TOPIC = "content.listing-withdrawn";

    /** {@code content.listing-published} and {@code content.listing-changed}. */
    public record Snapshot(
            String eventId,
            Instant occurredAt,
            String listingId,
            String slug,
            String title,
            Deal deal,
            PropertyType propertyType,
            String town,
            Double buildingAreaTotal,
            Double usableArea,
            Double lotSizeArea,
            Double minDivisibleSqm,
            Integer floor,
            Integer floorsTotal,
            BuildingForm buildingForm,
            Double clearHeightM,
            Integer powerKva,
            FireHazardClass fireHazardClass,
            Double craneTonnage,
            Double rentYuanPerSqmMonth,
            Double listPriceWan,
            String agentId,
            Instant publishedAt) {}

    /** {@code content.listing-withdrawn}: the listing left the market with this status. */
    public record Withdrawn(String eventId, Instant occurredAt, String listingId, ListingStatus status) {}

    private final JsonMapper json;

    public ListingEvents(JsonMapper json) {
        this.json = json;
    }

    /** The published event of the listing as it is after publication at {@code at}. */
    public PendingEvent published(String listingId, ListingSpec spec, Instant at) {
        return snapshot(PUBLISHED_TOPIC, "listingPublished-out-0", listingId, spec, at, at);
    }

    /** The changed event of a published listing whose spec became {@code spec}. */
    public PendingEvent changed(Listing listing, ListingSpec spec, Instant at) {
        return snapshot(CHANGED_TOPIC, "listingChanged-out-0", listing.id(), spec, listing.publishedAt(), at);
    }

    public PendingEvent withdrawn(String listingId, ListingStatus status, Instant at) {
        String id = UUID.randomUUID().toString();
        return pending(id, WITHDRAWN_TOPIC, "listingWithdrawn-out-0", new Withdrawn(id, at, listingId, status), at);
    }

    private PendingEvent snapshot(
            String topic, String binding, String listingId, ListingSpec s, Instant publishedAt, Instant at) {
        String id = UUID.randomUUID().toString();
        Snapshot payload = new Snapshot(
                id,
                at,
                listingId,
                s.slug(),
                s.title(),
                s.deal(),
                s.propertyType(),
                s.town(),
                s.buildingAreaTotal(),
                s.usableArea(),
                s.lotSizeArea(),
                s.minDivisibleSqm(),
                s.floor(),
                s.floorsTotal(),
                s.buildingForm(),
                s.clearHeightM(),
                s.powerKva(),
                s.fireHazardClass(),
                s.craneTonnage(),
                s.rentYuanPerSqmMonth(),
                s.listPriceWan(),
                s.agentId(),
                publishedAt);
        return pending(id, topic, binding, payload, at);
    }

    private PendingEvent pending(String id, String topic, String binding, Object payload, Instant at) {
        return new PendingEvent(id, binding, "cn.zschangfang." + topic + ".v1", json.writeValueAsString(payload), at);
    }
}
