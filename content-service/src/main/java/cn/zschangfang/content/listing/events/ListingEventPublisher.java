package cn.zschangfang.content.listing.events;

import cn.zschangfang.content.listing.model.Listing;
import cn.zschangfang.content.listing.model.ListingStore;
import cn.zschangfang.platform.outbox.OutboxDispatcher;
import cn.zschangfang.platform.outbox.OutboxMessage;
import cn.zschangfang.platform.outbox.StreamBridgeSender;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;

/**
 * Sends a listing's outbox events in order and removes each only after the broker acknowledged it (the listing
 * bindings are synchronous). A crash between send and removal re-sends the same {@code eventId} later: at least
 * once on the wire; consumers deduplicate by {@code eventId}. The mechanics are platform's {@link
 * OutboxDispatcher}; this class says where a listing's outbox is and runs its one publishing thread.
 */
@Component
public class ListingEventPublisher implements DisposableBean {

    private static final URI SOURCE = URI.create("urn:zschangfang:content-service");

    private final ExecutorService executor =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "listing-outbox");
                t.setDaemon(true);
                return t;
            });
    private final OutboxDispatcher<Listing> outbox;

    public ListingEventPublisher(StreamBridge streamBridge, ListingStore store, Clock clock) {
        this.outbox = new OutboxDispatcher<>(
                "listing",
                new StreamBridgeSender(streamBridge, SOURCE),
                new OutboxDispatcher.Store<>(
                        store::find,
                        ListingEventPublisher::messages,
                        store::markPublished,
                        store::idsWithPendingEventsBefore),
                executor,
                clock);
    }

    /** Publishes off the request thread, so an admin answer never waits on Kafka; the relay covers a rejection. */
    public void publishSoon(String listingId) {
        outbox.publishSoon(listingId);
    }

    /** @return true when nothing is left pending */
    public boolean publishPending(String listingId) {
        return outbox.publishPending(listingId);
    }

    /**
     * @return how many listings waiting longer than {@code minAge} were fully published (stops early when the broker
     *     looks down)
     */
    int relayWaitingLongerThan(Duration minAge) {
        return outbox.sweep(minAge);
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** A listing's events are keyed by its id, so they stay in order on one partition. */
    private static List<OutboxMessage> messages(Listing listing) {
        return listing.pendingOrEmpty().stream()
                .map(e -> new OutboxMessage(
                        e.eventId(), e.binding(), e.type(), listing.id(), e.payload(), e.occurredAt()))
                .toList();
    }
}
