package cn.zschangfang.notify.intake;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.agent.AgentRegistry;
import cn.zschangfang.notify.channel.Purpose;
import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.notify.delivery.DeliveryService;
import cn.zschangfang.notify.events.RoutedEvents;
import cn.zschangfang.notify.lead.Lead;
import cn.zschangfang.notify.routing.LeadCase;
import cn.zschangfang.notify.routing.LeadCases;
import cn.zschangfang.notify.routing.RoutedBy;
import cn.zschangfang.notify.routing.Router;
import cn.zschangfang.notify.routing.RoutingDecision;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Handles {@code lead.captured}: routes the lead once (the lead case is inserted under the lead id, so a redelivery
 * reuses the first decision), records the delivery to the chosen agent(s) and their {@code lead.routed} events, and
 * hands the sends to the send pool. Safe to run any number of times for the same event, on several consumer
 * threads at once (each lead's records are on one partition, so one thread).
 */
@Service
public class LeadIntake {

    private static final Logger log = LoggerFactory.getLogger(LeadIntake.class);
    private static final Set<String> INTENTS = Set.of("LEASE", "BUY");
    /** Lead ids are UUIDs; anything that could not be quoted verbatim in a message (编号 <id>) is refused. */
    private static final Pattern LEAD_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");

    private final LeadCases cases;
    private final Router router;
    private final DeliveryService deliveries;
    private final RoutedEvents events;
    private final AgentRegistry agents;
    private final NotifyProperties properties;
    private final Clock clock;

    public LeadIntake(
            LeadCases cases,
            Router router,
            DeliveryService deliveries,
            RoutedEvents events,
            AgentRegistry agents,
            NotifyProperties properties,
            Clock clock) {
        this.cases = cases;
        this.router = router;
        this.deliveries = deliveries;
        this.events = events;
        this.agents = agents;
        this.properties = properties;
        this.clock = clock;
    }

    public void onLeadCaptured(LeadCapturedEvent event) {
        if (event == null
                || event.leadId() == null
                || !LEAD_ID.matcher(event.leadId()).matches()) {
            // unusable: fail so that the binder retries and then parks it in lead.captured.dlq
            throw new InvalidLeadEventException("leadId");
        }
        if (event.intent() != null && !INTENTS.contains(event.intent())) {
            throw new InvalidLeadEventException("intent");
        }
        LeadCase lc = cases.find(event.leadId());
        if (lc == null) {
            lc = routeOnce(event);
        }
        // Everything durable first, on this thread (before the offset is committed): PENDING deliveries and the
        // lead.routed events in the outbox. The robot and the broker are waited for on the send pool; a crash before
        // it ran loses nothing (the sweep re-claims PENDING, the outbox re-publisher sends the events).
        List<String> keys = new ArrayList<>();
        List<Runnable> routed = new ArrayList<>();
        for (String agentId : lc.notifiedAgentIds()) {
            Optional<Agent> agent = agents.find(agentId);
            Optional<String> key = deliveries.record(lc.leadId(), agent, Purpose.NEW_LEAD, 0, null);
            key.ifPresent(keys::add);
            routed.add(
                    events.routedLater(lc.leadId(), agentId, name(agent), lc.strategy(), lc.reason(), false, null, 0));
            String duty = properties.dutyManagerId();
            if (key.isEmpty() && !duty.equals(agentId)) {
                // routing skips unreachable agents; this is the race where the agent lost its channel meanwhile
                log.warn(
                        "lead {}: agent {} has no usable channel any more; the duty manager is told",
                        lc.leadId(),
                        agentId);
                Optional<Agent> manager = agents.find(duty);
                deliveries
                        .record(lc.leadId(), manager, Purpose.ESCALATION, 100, "原负责人没有可用的通知渠道，请处理")
                        .ifPresent(keys::add);
                routed.add(events.routedLater(
                        lc.leadId(),
                        duty,
                        name(manager),
                        RoutedBy.DUTY_MANAGER,
                        "agent " + agentId + " has no usable channel",
                        true,
                        agentId,
                        100));
            }
        }
        if (lc.notifiedAgentIds().isEmpty()) {
            log.warn("lead {} has nobody to go to ({}); the escalation job keeps trying", lc.leadId(), lc.reason());
            return;
        }
        deliveries.sendLater(keys, lc, routed);
    }

    private static String name(Optional<Agent> agent) {
        return agent.map(Agent::name).orElse(null);
    }

    private LeadCase routeOnce(LeadCapturedEvent event) {
        Lead lead = event.toLead();
        RoutingDecision decision = router.route(lead, List.of());
        Instant now = clock.instant();
        LeadCase lc =
                LeadCase.routed(lead, decision, now, now.plus(properties.ack().escalateAfter()));
        if (cases.insertOnce(lc)) {
            log.info("lead {} routed to {} by {} ({})", lc.leadId(), lc.notifiedAgentIds(), lc.strategy(), lc.reason());
            return lc;
        }
        // another consumer (redelivery, second instance) routed it first: its decision stands
        router.giveBack(decision);
        return cases.find(event.leadId());
    }

    /** The event cannot be processed, whatever the retries. */
    public static class InvalidLeadEventException extends RuntimeException {
        public InvalidLeadEventException(String field) {
            super("invalid lead.captured event: " + field);
        }
    }
}
