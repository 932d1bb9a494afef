package cn.zschangfang.notify.delivery;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.channel.OutboundMessage;
import cn.zschangfang.notify.channel.Purpose;
import cn.zschangfang.notify.routing.LeadCase;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Exactly-once-as-far-as-possible delivery, the entry point for intake and escalation. A delivery record is
 * inserted (PENDING) under its unique key before sending ({@link DeliveryPlanner}); whoever atomically claims it
 * (PENDING and due → IN_FLIGHT with a lease, {@link DeliveryStore}) sends it ({@link Dispatcher}); the outcome is
 * written right after the channel answered ({@link DeliveryOutcomes}); {@link DeliverySweep} re-claims what is due
 * and what a crashed instance left IN_FLIGHT.
 *
 * <p>The unavoidable window: the channel accepted the message but the process died before writing SENT. The lease
 * then expires and the message is sent again (robots have no idempotency key; a rare duplicate beats a lost lead).
 * The window is the time between the robot's HTTP answer and one MongoDB update.
 */
@Service
public class DeliveryService {

    private final DeliveryPlanner planner;
    private final Dispatcher dispatcher;
    private final DeliveryLookups lookups;
    private final DeliveryOutcomes outcomes;
    private final SendExecutor sendPool;

    DeliveryService(
            DeliveryPlanner planner,
            Dispatcher dispatcher,
            DeliveryLookups lookups,
            DeliveryOutcomes outcomes,
            SendExecutor sendPool) {
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.lookups = lookups;
        this.outcomes = outcomes;
        this.sendPool = sendPool;
    }

    /**
     * Records (or finds) the PENDING delivery of a lead to an agent the caller has just read, without sending it:
     * once this returns the delivery is durable, and {@link #sendLater} (or else the sweep) sends it.
     *
     * @return the delivery's key, empty when the agent is missing, inactive or has no usable channel
     */
    public Optional<String> record(String leadId, Optional<Agent> agent, Purpose purpose, int step, String note) {
        return planner.plan(leadId, agent, purpose, step, note, null);
    }

    /**
     * Sends recorded deliveries on the send pool, then runs {@code then} (the broker sends of events about them,
     * already in the outbox), so the caller's thread waits neither for a robot nor for the broker. When the pool's
     * queue is full the caller's thread does it (back-pressure).
     *
     * @param known the lead case of these deliveries, as the caller read or wrote it
     */
    public void sendLater(List<String> keys, LeadCase known, List<Runnable> then) {
        sendPool.execute(() -> {
            try {
                keys.forEach(key -> dispatcher.dispatch(key, known));
            } finally {
                // the timeline event goes out even if a send failed (the sweep retries that); the agent's phone first
                then.forEach(Runnable::run);
            }
        });
    }

    /**
     * Records (or finds) the delivery of a lead to an agent on the agent's first usable channel and sends it.
     *
     * @param step 0 for the first routing, n for the n-th escalation (part of the unique key)
     * @return false when the agent has no usable channel
     */
    public boolean deliver(String leadId, String agentId, Purpose purpose, int step, String note) {
        var key = planner.plan(leadId, agentId, purpose, step, note, null);
        key.ifPresent(dispatcher::dispatch);
        return key.isPresent();
    }

    /**
     * The one digest of a {@code lead.listing-matched} event: recorded once under the event id, then sent; a
     * redelivered event finds the record (whichever channel it went to) and sends nothing new.
     *
     * @return false when the agent is inactive or no channel that carries a digest reaches it
     */
    public boolean deliverListingMatch(String eventId, String agentId, OutboundMessage.ListingMatch match) {
        List<String> existing = lookups.keysOfMatch(eventId);
        if (!existing.isEmpty()) {
            existing.forEach(dispatcher::dispatch); // a no-op unless a crash left it unsent
            return true;
        }
        var key = planner.planMatch(eventId, agentId, match, null);
        key.ifPresent(dispatcher::dispatch);
        return key.isPresent();
    }

    /** Sends one delivery if this caller can claim it; a no-op for deliveries already sent or claimed elsewhere. */
    public void dispatch(String key) {
        dispatcher.dispatch(key);
    }

    /** The acknowledgement of a lead is also a delivery status (ACKNOWLEDGED) of the agent's delivery. */
    public void publishAcknowledged(String leadId, String agentId) {
        Delivery d = lookups.latestFor(leadId, agentId);
        if (d != null) {
            outcomes.publish(d, d.purpose(), "ACKNOWLEDGED", 0);
        }
    }
}
