package cn.zschangfang.notify.delivery;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.agent.AgentRegistry;
import cn.zschangfang.notify.channel.Channel;
import cn.zschangfang.notify.channel.Channels;
import cn.zschangfang.notify.channel.OutboundMessage;
import cn.zschangfang.notify.channel.Purpose;
import cn.zschangfang.notify.channel.SendResult;
import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.notify.routing.LeadCase;
import cn.zschangfang.notify.routing.LeadCases;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a claimed delivery: checks the robot's limiter (waiting deliveries to that robot are folded into one
 * digest when the next window opens), builds a message that fits the channel (the items that do not fit are
 * released for the next message, never cut off) and hands the result to {@link DeliveryOutcomes}.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** How many waiting deliveries one send may pick up; a digest carries what fits and releases the rest. */
    static final int BACKLOG_CLAIM = 40;

    private final DeliveryStore store;
    private final AgentRegistry agents;
    private final Channels channels;
    private final RobotRateLimiter limiter;
    private final DeliveryOutcomes outcomes;
    private final AckLinks ackLinks;
    private final LeadCases leadCases;
    private final NotifyProperties properties;
    private final Clock clock;

    Dispatcher(
            DeliveryStore store,
            AgentRegistry agents,
            Channels channels,
            RobotRateLimiter limiter,
            DeliveryOutcomes outcomes,
            AckLinks ackLinks,
            LeadCases leadCases,
            NotifyProperties properties,
            Clock clock) {
        this.store = store;
        this.agents = agents;
        this.channels = channels;
        this.limiter = limiter;
        this.outcomes = outcomes;
        this.ackLinks = ackLinks;
        this.leadCases = leadCases;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends the delivery if this caller can claim it, then whatever its outcome planned (next channel, duty). */
    void dispatch(String key) {
        dispatch(key, null);
    }

    /** As {@link #dispatch(String)}; {@code known} is the lead case the caller just read or wrote (a read less). */
    void dispatch(String key, LeadCase known) {
        Deque<String> work = new ArrayDeque<>(List.of(key));
        while (!work.isEmpty()) {
            work.addAll(dispatchOne(work.poll(), known));
        }
    }

    private List<String> dispatchOne(String key, LeadCase known) {
        Delivery d = store.claim(key, false, UUID.randomUUID().toString());
        if (d == null) {
            return List.of(); // already sent, or claimed by another instance
        }
        Optional<Agent> agent = agents.find(d.agentId()).filter(Agent::active);
        Optional<Channel> channel = channels.of(d.channel());
        if (agent.isEmpty() || channel.isEmpty() || !channel.get().availableFor(agent.get())) {
            return outcomes.record(List.of(d), SendResult.permanent("agent-or-channel-gone"), false);
        }
        if (d.purpose() == Purpose.LISTING_MATCH) {
            return dispatchListingMatch(d, agent.get(), channel.get());
        }
        List<Delivery> batch = new ArrayList<>(List.of(d));
        if (d.limitTarget() != null) {
            Instant retryAt = limiter.tryAcquire(d.limitTarget());
            if (retryAt != null) {
                store.release(d, retryAt.plusMillis(ThreadLocalRandom.current().nextLong(0, 3000)));
                return List.of();
            }
            if (d.deferred()) {
                batch.addAll(store.claimBacklog(d, BACKLOG_CLAIM));
            }
        }
        List<OutboundMessage.Item> items = new ArrayList<>();
        List<Delivery> sendable = new ArrayList<>();
        List<String> next = new ArrayList<>();
        Map<String, LeadCase> cases = new HashMap<>();
        for (Delivery each : batch) {
            // the lead itself never changes after capture, so the caller's copy is as good as a fresh read
            LeadCase lc = known != null && known.leadId().equals(each.leadId()) ? known : leadCases.find(each.leadId());
            if (lc == null) {
                next.addAll(outcomes.record(List.of(each), SendResult.permanent("lead-unknown"), false));
                continue;
            }
            cases.put(lc.leadId(), lc);
            items.add(new OutboundMessage.Item(lc.lead(), ackLinks.link(each.leadId(), each.agentId())));
            sendable.add(each);
        }
        if (sendable.isEmpty()) {
            return next;
        }
        OutboundMessage message = message(d, items);
        int fits = Math.max(1, channel.get().capacity(agent.get(), message));
        if (fits < items.size()) {
            // the rest go in the next message to this robot (they are due now and still deferred: folded again)
            for (Delivery rest : sendable.subList(fits, sendable.size())) {
                store.release(rest, clock.instant());
            }
            sendable = sendable.subList(0, fits);
            items = items.subList(0, fits);
            message = message(d, items);
        }
        List<Delivery> held = store.holdForSend(sendable);
        if (held.size() < sendable.size()) {
            log.warn(
                    "{} of {} deliveries of message {} were taken over after their lease expired; not sent again here",
                    sendable.size() - held.size(),
                    sendable.size(),
                    d.deliveryId());
            if (held.isEmpty()) {
                return next;
            }
            List<OutboundMessage.Item> kept = new ArrayList<>();
            for (int i = 0; i < sendable.size(); i++) {
                if (held.contains(sendable.get(i))) {
                    kept.add(items.get(i));
                }
            }
            sendable = held;
            message = message(held.get(0), kept);
        }
        SendResult result = send(channel.get(), agent.get(), message, sendable.get(0));
        next.addAll(outcomes.record(sendable, result, message.digest(), cases));
        return next;
    }

    /** A listing digest is one message of its own: it waits for the robot's limiter but folds nothing in. */
    private List<String> dispatchListingMatch(Delivery d, Agent agent, Channel channel) {
        if (d.listingMatch() == null) {
            return outcomes.record(List.of(d), SendResult.permanent("match-unknown"), false);
        }
        if (d.limitTarget() != null) {
            Instant retryAt = limiter.tryAcquire(d.limitTarget());
            if (retryAt != null) {
                store.release(d, retryAt.plusMillis(ThreadLocalRandom.current().nextLong(0, 3000)));
                return List.of();
            }
        }
        if (store.holdForSend(List.of(d)).isEmpty()) {
            log.warn("listing digest {} was taken over after its lease expired; not sent again here", d.deliveryId());
            return List.of();
        }
        OutboundMessage message = new OutboundMessage(
                Purpose.LISTING_MATCH,
                List.of(),
                null,
                d.deliveryId(),
                properties.inboxUrl(),
                properties.publicBaseUrl(),
                d.listingMatch());
        return outcomes.record(List.of(d), send(channel, agent, message, d), false);
    }

    private SendResult send(Channel channel, Agent agent, OutboundMessage message, Delivery d) {
        try {
            return channel.send(agent, message);
        } catch (RuntimeException e) {
            log.warn(
                    "channel {} threw {} for delivery {}",
                    d.channel(),
                    e.getClass().getSimpleName(),
                    d.deliveryId());
            return SendResult.transientFailure("exception");
        }
    }

    private OutboundMessage message(Delivery first, List<OutboundMessage.Item> items) {
        boolean digest = items.size() > 1;
        return new OutboundMessage(
                digest ? Purpose.DIGEST : first.purpose(),
                items,
                digest ? null : first.note(),
                first.deliveryId(),
                properties.inboxUrl(),
                properties.publicBaseUrl(),
                null);
    }
}
