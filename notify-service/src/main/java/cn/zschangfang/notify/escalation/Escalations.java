package cn.zschangfang.notify.escalation;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.agent.AgentRegistry;
import cn.zschangfang.notify.channel.Purpose;
import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.notify.delivery.DeliveryMetrics;
import cn.zschangfang.notify.delivery.DeliveryService;
import cn.zschangfang.notify.events.RoutedEvents;
import cn.zschangfang.notify.routing.LeadCase;
import cn.zschangfang.notify.routing.LeadCases;
import cn.zschangfang.notify.routing.RoutedBy;
import cn.zschangfang.notify.routing.Router;
import cn.zschangfang.notify.routing.RoutingDecision;
import cn.zschangfang.notify.routing.RoutingStrategy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Acknowledgement and escalation. An OPEN lead not acknowledged by its deadline goes to the assigned agent's
 * backup (or the next eligible agent) and the duty manager is told; each step is a CAS on the lead case's
 * escalation level, run only by the instance holding the {@code escalation} lease.
 */
@Service
public class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);
    /**
     * Statuses of lead-service in which nobody has reacted yet: escalation continues. NOTIFIED only says the message
     * reached the agent's phone (lead-service's own echo of notify.delivery).
     */
    private static final Set<String> UNREACTED =
            Set.of("NEW", "ROUTED", "NOTIFIED", "ASSIGNED", "ESCALATED", "UNASSIGNED");
    /** Statuses after which the lead no longer counts against an agent's capacity. */
    private static final Set<String> FINISHED =
            Set.of("WON", "LOST", "CLOSED", "SPAM", "INVALID", "DUPLICATE", "ARCHIVED");

    private final LeadCases cases;
    private final Router router;
    private final AgentRegistry agents;
    private final DeliveryService deliveries;
    private final RoutedEvents routedEvents;
    private final JobLease lease;
    private final DeliveryMetrics metrics;
    private final NotifyProperties properties;
    private final Clock clock;

    public Escalations(
            LeadCases cases,
            Router router,
            AgentRegistry agents,
            DeliveryService deliveries,
            RoutedEvents routedEvents,
            JobLease lease,
            DeliveryMetrics metrics,
            NotifyProperties properties,
            Clock clock) {
        this.cases = cases;
        this.router = router;
        this.agents = agents;
        this.deliveries = deliveries;
        this.routedEvents = routedEvents;
        this.lease = lease;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** Outcome of an acknowledgement click. */
    public enum AckOutcome {
        ACKNOWLEDGED,
        ALREADY_ACKNOWLEDGED,
        TAKEN_BY_OTHER,
        UNKNOWN_LEAD
    }

    /**
     * Idempotent: the first click moves the lead to ACKNOWLEDGED (and, for a shared-pool lead, makes the clicker its
     * agent) and publishes ACKNOWLEDGED; later clicks change nothing.
     */
    public AckOutcome acknowledge(String leadId, String agentId) {
        LeadCase lc = cases.find(leadId);
        if (lc == null) {
            return AckOutcome.UNKNOWN_LEAD;
        }
        Instant now = clock.instant();
        if (cases.acknowledge(leadId, agentId, now)) {
            timeToAcknowledge(lc, now);
            deliveries.publishAcknowledged(leadId, agentId);
            if (lc.assignedAgentId() == null && lc.strategy() == RoutedBy.SHARED_POOL) {
                routedEvents.routed(
                        leadId, agentId, RoutedBy.SHARED_POOL, "claimed first from the shared pool", false, null, 1000);
            }
            return AckOutcome.ACKNOWLEDGED;
        }
        LeadCase now2 = cases.find(leadId);
        return now2 != null && agentId.equals(now2.acknowledgedBy())
                ? AckOutcome.ALREADY_ACKNOWLEDGED
                : AckOutcome.TAKEN_BY_OTHER;
    }

    /** lead-service changed a lead's status: a reaction stops escalation, a finished lead frees capacity. */
    public void onStatusChanged(String leadId, String status) {
        if (leadId == null || status == null || UNREACTED.contains(status)) {
            return;
        }
        if (FINISHED.contains(status)) {
            cases.close(leadId);
            return;
        }
        LeadCase before = cases.acknowledgeIfOpen(leadId);
        if (before != null) {
            timeToAcknowledge(before, clock.instant());
        }
    }

    private void timeToAcknowledge(LeadCase acknowledged, Instant at) {
        if (acknowledged.lead() != null && acknowledged.lead().receivedAt() != null) {
            metrics.acknowledged(Duration.between(acknowledged.lead().receivedAt(), at));
        }
    }

    @Scheduled(
            fixedDelayString = "${notify.ack.check-interval:10s}",
            initialDelayString = "${notify.ack.check-interval:10s}")
    public void run() {
        if (!lease.tryAcquire("escalation", properties.ack().checkInterval().multipliedBy(3))) {
            return;
        }
        escalateDue();
    }

    /** Escalates every OPEN lead past its deadline by one step; returns how many were escalated. */
    public int escalateDue() {
        Instant now = clock.instant();
        List<LeadCase> due = cases.overdue(now, 100);
        int n = 0;
        for (LeadCase lc : due) {
            try {
                if (escalate(lc, now)) {
                    n++;
                }
            } catch (RuntimeException e) {
                log.warn(
                        "escalating lead {} failed: {}",
                        lc.leadId(),
                        e.getClass().getSimpleName());
            }
        }
        return n;
    }

    private boolean escalate(LeadCase lc, Instant now) {
        int level = lc.escalationLevel() + 1;
        boolean last = level > properties.ack().maxEscalations();
        List<String> tried = new ArrayList<>(lc.notifiedAgentIds());
        String previous = lc.assignedAgentId();
        String next = null;
        RoutedBy strategy = RoutedBy.BACKUP;
        String reason;
        if (!last) {
            String backup = agents.find(previous).map(a -> a.spec().backup()).orElse(null);
            if (backup != null
                    && !tried.contains(backup)
                    && agents.find(backup).filter(Agent::active).isPresent()) {
                next = backup;
                reason = "not acknowledged in time: backup of the assigned agent";
            } else {
                RoutingDecision d = router.route(lc.lead(), tried, RoutingStrategy.WEIGHTED_ROUND_ROBIN);
                strategy = d.strategy();
                next = d.agentIds().isEmpty() || d.agentIds().get(0).equals(properties.dutyManagerId())
                        ? null
                        : d.agentIds().get(0);
                reason = "not acknowledged in time: next eligible agent";
            }
        } else {
            reason = "not acknowledged after all escalation steps";
        }
        // one step per level, whichever instance gets here first
        List<String> notified = new ArrayList<>(tried);
        if (next != null) {
            notified.add(next);
        }
        Instant deadline = last
                ? Instant.parse("9999-12-31T00:00:00Z")
                : now.plus(properties.ack().escalateAfter());
        if (!cases.escalate(lc, notified, deadline, next)) {
            return false;
        }
        metrics.escalation(last ? "final" : "reassigned");
        String previousName = agents.find(previous).map(Agent::name).orElse("无人");
        if (next != null) {
            deliveries.deliver(lc.leadId(), next, Purpose.ESCALATION, level, previousName + " 未在时限内确认，转交给你");
            routedEvents.routed(lc.leadId(), next, strategy, reason, true, previous, level);
        }
        String duty = properties.dutyManagerId();
        if (!duty.equals(next)) {
            String note = next == null
                    ? previousName + " 未确认，且没有其他可接单的经纪人，请处理"
                    : previousName + " 未确认，已转交 "
                            + agents.find(next).map(Agent::name).orElse(next);
            deliveries.deliver(lc.leadId(), duty, Purpose.ESCALATION, level, note);
            if (next == null) {
                routedEvents.routed(lc.leadId(), duty, RoutedBy.DUTY_MANAGER, reason, true, previous, level);
            }
        }
        return true;
    }
}
