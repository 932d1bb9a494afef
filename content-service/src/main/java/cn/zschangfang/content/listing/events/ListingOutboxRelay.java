package cn.zschangfang.content.listing.events;

import cn.zschangfang.content.listing.ListingProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sweeps listings whose outbox still holds events (Kafka was down, the process died after the write, the executor
 * was full) and publishes them, so a status change is never lost. Safe with several instances: a double send
 * carries the same event id.
 */
@Component
public class ListingOutboxRelay {

    private final ListingEventPublisher publisher;
    private final ListingProperties.Outbox properties;

    public ListingOutboxRelay(ListingEventPublisher publisher, ListingProperties properties) {
        this.publisher = publisher;
        this.properties = properties.outbox();
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
        return publisher.relayWaitingLongerThan(properties.relayMinAge());
    }
}
