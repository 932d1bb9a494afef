package cn.zschangfang.content.listing.search;

import cn.zschangfang.content.cache.ChangeBroadcast;
import cn.zschangfang.content.listing.model.ListingRefreshed;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
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
    private final Clock clock;

    public ListingRefreshEvents(ChangeBroadcast broadcast, Clock clock) {
        this.broadcast = broadcast;
        this.clock = clock;
    }

    @EventListener
    void on(ListingRefreshed refreshed) {
        String eventId = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        broadcast.publish(
                BINDING,
                TYPE,
                refreshed.listingId(),
                eventId,
                now,
                new Payload(eventId, now, refreshed.listingId(), refreshed.slug(), refreshed.change()));
    }
}
