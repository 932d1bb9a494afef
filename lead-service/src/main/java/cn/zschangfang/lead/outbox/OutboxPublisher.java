package cn.zschangfang.lead.outbox;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStore;
import cn.zschangfang.lead.inquiry.PendingEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;

/**
 * Sends a lead's pending events and removes each from the outbox only after the broker acknowledged it (the output
 * bindings are synchronous, so {@code StreamBridge.send} returns only after the ack or throws). A crash between
 * the send and the removal re-sends the same event id later: at-least-once on the wire, exactly-once in effect
 * because consumers deduplicate by {@code eventId}.
 */
@Component
public class OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final URI SOURCE = URI.create("urn:zschangfang:lead-service");

    private final StreamBridge streamBridge;
    private final LeadStore store;
    private final Executor executor;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> again = ConcurrentHashMap.newKeySet();

    public OutboxPublisher(StreamBridge streamBridge, LeadStore store, @Qualifier("outboxExecutor") Executor executor) {
        this.streamBridge = streamBridge;
        this.store = store;
        this.executor = executor;
    }

    /** Publishes off the caller's thread, so an HTTP answer never waits on Kafka; the relay covers a rejection. */
    public void publishSoon(String leadId) {
        submit(leadId, () -> publishPending(leadId));
    }

    /**
     * Like {@link #publishSoon(String)} for a lead this caller has just written: its pending events are sent as
     * they are in hand, saving the read of the lead back from MongoDB (one round trip of a capture). Removal from the
     * outbox is still per event and only after the broker's acknowledgement.
     */
    public void publishWritten(Lead written) {
        submit(written.id(), () -> publish(written.id(), () -> Optional.of(written)));
    }

    private void submit(String leadId, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            log.warn("outbox executor full, lead {} left to the relay", leadId);
        }
    }

    /**
     * Publishes the lead's pending events in order; stops at the first failure so order per lead holds.
     *
     * @return true when nothing is left pending
     */
    public boolean publishPending(String leadId) {
        return publish(leadId, () -> store.find(leadId));
    }

    private boolean publish(String leadId, Supplier<Optional<Lead>> current) {
        if (!inFlight.add(leadId)) {
            // Another thread is publishing this lead; it runs again afterwards for events added meanwhile.
            again.add(leadId);
            return false;
        }
        try {
            Optional<Lead> lead = current.get();
            if (lead.isEmpty()) {
                return true;
            }
            for (PendingEvent event : lead.get().pendingEvents()) {
                if (!send(event)) {
                    return false;
                }
                store.markPublished(leadId, event.eventId());
                log.info("published {} event {} for lead {}", event.binding(), event.eventId(), leadId);
            }
            return true;
        } finally {
            inFlight.remove(leadId);
            if (again.remove(leadId)) {
                publishSoon(leadId);
            }
        }
    }

    private boolean send(PendingEvent event) {
        Message<byte[]> message = CloudEventMessageBuilder.withData(
                        event.payload().getBytes(StandardCharsets.UTF_8))
                .setId(event.eventId())
                .setSource(SOURCE)
                .setType(event.type())
                .setSpecVersion("1.0")
                .setTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .setDataContentType("application/json")
                .setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
                .setHeader(KafkaHeaders.KEY, event.key().getBytes(StandardCharsets.UTF_8))
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
        try {
            return streamBridge.send(event.binding(), message);
        } catch (RuntimeException e) {
            // Broker down or slow: the event stays pending and the relay retries it.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // Payloads carry no personal data; Kafka's messages name topics and brokers only.
            log.warn(
                    "publishing event {} failed ({}: {}); left in the outbox",
                    event.eventId(),
                    root.getClass().getSimpleName(),
                    root.getMessage());
            return false;
        }
    }
}
