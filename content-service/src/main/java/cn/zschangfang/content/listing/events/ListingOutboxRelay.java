package cn.zschangfang.content.listing.events;

import cn.zschangfang.content.listing.ListingProperties;
import cn.zschangfang.content.listing.model.ListingStore;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sweeps listings whose outbox still holds events (Kafka was down, the process died after the write, the executor
 * was full) and publishes them, so a status change is never lost. Safe with several instances: a double send
 * carries the same event id.
 */
@Component
public class ListingOutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(ListingOutboxRelay.class);

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
        List<String> ids = store.idsWithPendingEventsBefore(clock.instant().minus(properties.relayMinAge()), 100);
        int done = 0;
        int failuresInARow = 0;
        for (String id : ids) {
            if (publisher.publishPending(id)) {
                done++;
                failuresInARow = 0;
            } else if (++failuresInARow >= 3) {
                // Most likely the broker is unreachable: try again next sweep instead of waiting on every listing.
                log.info("listing outbox relay paused: {} listings still pending", ids.size() - done);
                break;
            }
        }
        return done;
    }
}
