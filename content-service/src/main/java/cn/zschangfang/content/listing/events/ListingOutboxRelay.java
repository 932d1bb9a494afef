package cn.zschangfang.content.listing.events;

import cn.zschangfang.content.listing.ListingProperties;
import cn.zschangfang.content.listing.model.ListingStore;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sweeps listings whose outbox still holds events (Kafka was down, the process died after the write, the executor
 * was full) and publishes them, so a status change is never lost. Safe with several instances: a double send
 * carries the same event id.
 */
@Component
public class ListingOutboxRelay {

    private final ListingStore store;
    private final ListingEventPublisher publisher;
    private final ListingProperties.Outbox properties;
    private final Clock clock;

    public ListingOutboxRelay(
            ListingStore store, ListingEventPublisher publisher, ListingProperties properties, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.properties = properties.outbox();
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${content.listings.outbox.relay-interval:5s}",
            fixedDelayString = "${content.listings.outbox.relay-interval:5s}")
    public void sweep() {
        if (properties.relayEnabled()) {
            sweepOnce();
        }
    }

    /** @return how many listings were fully published */
    public int sweepOnce() {
        return publisher.relay(store.idsWithPendingEventsBefore(clock.instant().minus(properties.relayMinAge()), 100));
    }
}
