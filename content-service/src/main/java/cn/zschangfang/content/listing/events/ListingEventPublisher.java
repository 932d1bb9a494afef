package cn.zschangfang.content.listing.events;

import cn.zschangfang.content.listing.model.Listing;
import cn.zschangfang.content.listing.model.ListingStore;
import cn.zschangfang.content.listing.model.PendingEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;

/**
 * Sends a listing's outbox events in order and removes each only after the broker acknowledged it (the listing
 * bindings are synchronous). A crash between send and removal re-sends the same {@code eventId} later: at least
 * once on the wire; consumers deduplicate by {@code eventId}.
 */
@Component
public class ListingEventPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ListingEventPublisher.class);
    private static final URI SOURCE = URI.create("urn:zschangfang:content-service");

    private final StreamBridge streamBridge;
    private final ListingStore store;
    private final ExecutorService executor =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "listing-outbox");
                t.setDaemon(true);
                return t;
            });
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> again = ConcurrentHashMap.newKeySet();

    public ListingEventPublisher(StreamBridge streamBridge, ListingStore store) {
        this.streamBridge = streamBridge;
        this.store = store;
    }

    /** Publishes off the request thread, so an admin answer never waits on Kafka; the relay covers a rejection. */
    public void publishSoon(String listingId) {
        try {
            executor.execute(() -> publishPending(listingId));
        } catch (RejectedExecutionException e) {
            log.warn("listing outbox executor full, listing {} left to the relay", listingId);
        }
    }

    /** @return true when nothing is left pending */
    public boolean publishPending(String listingId) {
        if (!inFlight.add(listingId)) {
            again.add(listingId);
            return false;
        }
        try {
            Optional<Listing> listing = store.find(listingId);
            if (listing.isEmpty()) {
                return true;
            }
            for (PendingEvent event : listing.get().pendingOrEmpty()) {
                if (!send(listingId, event)) {
                    return false;
                }
                store.markPublished(listingId, event.eventId());
                log.info("published {} event {} for listing {}", event.binding(), event.eventId(), listingId);
            }
            return true;
        } finally {
            inFlight.remove(listingId);
            if (again.remove(listingId)) {
                publishSoon(listingId);
            }
        }
    }

    private boolean send(String listingId, PendingEvent event) {
        Message<byte[]> message = CloudEventMessageBuilder.withData(
                        event.payload().getBytes(StandardCharsets.UTF_8))
                .setId(event.eventId())
                .setSource(SOURCE)
                .setType(event.type())
                .setSpecVersion("1.0")
                .setTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .setDataContentType("application/json")
                .setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
                .setHeader(KafkaHeaders.KEY, listingId.getBytes(StandardCharsets.UTF_8))
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
        try {
            return streamBridge.send(event.binding(), message);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // Listing events carry no personal data; Kafka's messages name topics and brokers only.
            log.warn(
                    "publishing listing event {} failed ({}: {}); left in the outbox",
                    event.eventId(),
                    root.getClass().getSimpleName(),
                    root.getMessage());
            return false;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
