package cn.zschangfang.lead.outbox;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStore;
import cn.zschangfang.platform.outbox.OutboxDispatcher;
import cn.zschangfang.platform.outbox.OutboxMessage;
import cn.zschangfang.platform.outbox.StreamBridgeSender;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;

/**
 * Sends a lead's pending events and removes each from the outbox only after the broker acknowledged it (the output
 * bindings are synchronous, so {@code StreamBridge.send} returns only after the ack or throws). A crash between
 * the send and the removal re-sends the same event id later: at-least-once on the wire, exactly-once in effect
 * because consumers deduplicate by {@code eventId}. The mechanics are platform's {@link OutboxDispatcher}; this
 * class says where a lead's outbox is.
 */
@Component
public class OutboxPublisher {

    private static final URI SOURCE = URI.create("urn:zschangfang:lead-service");

    private final OutboxDispatcher<Lead> outbox;

    public OutboxPublisher(
            StreamBridge streamBridge, LeadStore store, @Qualifier("outboxExecutor") Executor executor, Clock clock) {
        this.outbox = new OutboxDispatcher<>(
                "lead",
                new StreamBridgeSender(streamBridge, SOURCE),
                new OutboxDispatcher.Store<>(
                        store::find,
                        OutboxPublisher::messages,
                        store::markPublished,
                        store::idsWithPendingEventsBefore),
                executor,
                clock);
    }

    /** Publishes off the caller's thread, so an HTTP answer never waits on Kafka; the relay covers a rejection. */
    public void publishSoon(String leadId) {
        outbox.publishSoon(leadId);
    }

    /**
     * Like {@link #publishSoon(String)} for a lead this caller has just written: its pending events are sent as
     * they are in hand, saving the read of the lead back from MongoDB (one round trip of a capture). Removal from the
     * outbox is still per event and only after the broker's acknowledgement.
     */
    public void publishWritten(Lead written) {
        outbox.publishWritten(written.id(), written);
    }

    /**
     * Publishes the lead's pending events in order; stops at the first failure so order per lead holds.
     *
     * @return true when nothing is left pending
     */
    public boolean publishPending(String leadId) {
        return outbox.publishPending(leadId);
    }

    /**
     * @return how many leads waiting longer than {@code minAge} were fully published (stops early when the broker
     *     looks down)
     */
    int relayWaitingLongerThan(Duration minAge) {
        return outbox.sweep(minAge);
    }

    private static List<OutboxMessage> messages(Lead lead) {
        return lead.pendingEvents().stream()
                .map(e -> new OutboxMessage(e.eventId(), e.binding(), e.type(), e.key(), e.payload(), e.occurredAt()))
                .toList();
    }
}
