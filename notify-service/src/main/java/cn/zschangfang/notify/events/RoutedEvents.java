package cn.zschangfang.notify.events;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.agent.AgentRegistry;
import cn.zschangfang.notify.routing.RoutedBy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Publishes {@code lead.routed}, the lead's timeline entry of who got it, by what and why. */
@Component
public class RoutedEvents {

    private final EventPublisher events;
    private final AgentRegistry agents;
    private final Clock clock;

    public RoutedEvents(EventPublisher events, AgentRegistry agents, Clock clock) {
        this.events = events;
        this.agents = agents;
        this.clock = clock;
    }

    /**
     * The event id is derived from (lead, agent, step), so a redelivered {@code lead.captured} republishes the same
     * event and consumers, who deduplicate by eventId, see it once.
     *
     * @param reason why, including agents skipped because no channel reaches them
     */
    public void routed(
            String leadId,
            String agentId,
            RoutedBy strategy,
            String reason,
            boolean escalation,
            String previous,
            int step) {
        String name = agents.find(agentId).map(Agent::name).orElse(null);
        events.leadRouted(event(leadId, agentId, name, strategy, reason, escalation, previous, step));
    }

    /**
     * As {@link #routed}, with the name of an agent the caller has already read (one MongoDB read less per lead): stored in the
     * outbox now, the returned broker send to be run by the caller's send pool.
     */
    public Runnable routedLater(
            String leadId,
            String agentId,
            String agentName,
            RoutedBy strategy,
            String reason,
            boolean escalation,
            String previous,
            int step) {
        return events.leadRoutedLater(event(leadId, agentId, agentName, strategy, reason, escalation, previous, step));
    }

    private LeadRoutedEvent event(
            String leadId,
            String agentId,
            String name,
            RoutedBy strategy,
            String reason,
            boolean escalation,
            String previous,
            int step) {
        String eventId = UUID.nameUUIDFromBytes(
                        ("lead.routed|" + leadId + "|" + agentId + "|" + step).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new LeadRoutedEvent(
                eventId, clock.instant(), leadId, agentId, name, strategy.name(), reason, escalation, previous);
    }
}
