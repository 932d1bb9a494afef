package cn.zschangfang.content.listing.search;

import cn.zschangfang.content.cache.ChangeBroadcast;
import cn.zschangfang.content.listing.model.ListingRefreshed;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells every instance that a listing document changed: {@code content.listing-refreshed} (key {@code listingId},
 * schema in {@code contracts/content.listing-refreshed.schema.json}). A topic of its own rather than the matching
 * events ({@code listing-published/changed/withdrawn}): those announce only what matching needs (no photo or
 * verification change, which the public pages show) and go through the outbox, which a cache does not need. Best
 * effort (see {@link ChangeBroadcast}).
 */
@Component
public class ListingRefreshEvents {

    public static final String TOPIC = "content.listing-refreshed";
    static final String BINDING = "listingRefreshed-out-0";
    static final String TYPE = "cn.zschangfang.content.listing-refreshed.v1";

    /** The event as it goes on the wire. */
    public record Payload(
            String eventId, Instant occurredAt, String listingId, String slug, ListingRefreshed.Change change) {}

    private final ChangeBroadcast broadcast;

    public ListingRefreshEvents(ChangeBroadcast broadcast) {
        this.broadcast = broadcast;
    }

    @EventListener
    void on(ListingRefreshed refreshed) {
        broadcast.publish(
                BINDING,
                TYPE,
                refreshed.listingId(),
                (eventId, at) -> new Payload(eventId, at, refreshed.listingId(), refreshed.slug(), refreshed.change()));
    }
}
