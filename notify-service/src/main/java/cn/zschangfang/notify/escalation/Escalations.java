package cn.zschangfang.notify.escalation;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.agent.AgentRegistry;
import cn.zschangfang.notify.channel.Purpose;
import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.notify.delivery.DeliveryMetrics;
import cn.zschangfang.notify.delivery.DeliveryService;
import cn.zschangfang.notify.events.RoutedEvents;
import cn.zschangfang.notify.routing.LeadCase;
import cn.zschangfang.notify.routing.LeadCaseState;
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
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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

    private final MongoTemplate mongo;
    private final Router router;
    private final AgentRegistry agents;
    private final DeliveryService deliveries;
    private final RoutedEvents routedEvents;
    private final JobLease lease;
    private final DeliveryMetrics metrics;
    private final NotifyProperties properties;
    private final Clock clock;

    public Escalations(
            MongoTemplate mongo,
            Router router,
            AgentRegistry agents,
            DeliveryService deliveries,
            RoutedEvents routedEvents,
            JobLease lease,
            DeliveryMetrics metrics,
            NotifyProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.router = router;
        this.agents = agents;
        this.deliveries = deliveries;
        this.routedEvents = routedEvents;
        this.lease = lease;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
        // The sweep's "open and past its deadline" every check interval, on a collection that keeps every case.
        mongo.indexOps(LeadCase.class)
                .createIndex(new Index("state", Sort.Direction.ASC).on("ackDeadline", Sort.Direction.ASC));
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
        LeadCase lc = mongo.findById(leadId, LeadCase.class);
        if (lc == null) {
            return AckOutcome.UNKNOWN_LEAD;
        }
        Instant now = clock.instant();
        Criteria open = Criteria.where("_id").is(leadId).and("state").is(LeadCaseState.OPEN.name());
        Criteria mine = new Criteria()
                .orOperator(
                        Criteria.where("assignedAgentId").is(agentId),
                        Criteria.where("assignedAgentId").is(null));
        long changed = mongo.updateFirst(
                        Query.query(new Criteria().andOperator(open, mine)),
                        new Update()
                                .set("state", LeadCaseState.ACKNOWLEDGED.name())
                                .set("assignedAgentId", agentId)
                                .set("acknowledgedAt", now)
                                .set("acknowledgedBy", agentId),
                        LeadCase.class)
                .getModifiedCount();
        if (changed == 1) {
            timeToAcknowledge(lc, now);
            deliveries.publishAcknowledged(leadId, agentId);
            if (lc.assignedAgentId() == null && lc.strategy() == RoutedBy.SHARED_POOL) {
                routedEvents.routed(
                        leadId, agentId, RoutedBy.SHARED_POOL, "claimed first from the shared pool", false, null, 1000);
            }
            return AckOutcome.ACKNOWLEDGED;
        }
        LeadCase now2 = mongo.findById(leadId, LeadCase.class);
        return now2 != null && agentId.equals(now2.acknowledgedBy())
                ? AckOutcome.ALREADY_ACKNOWLEDGED
                : AckOutcome.TAKEN_BY_OTHER;
    }

    /** lead-service changed a lead's status: a reaction stops escalation, a finished lead frees capacity. */
    public void onStatusChanged(String leadId, String status) {
        if (leadId == null || status == null || UNREACTED.contains(status)) {
            return;
        }
        LeadCaseState state = FINISHED.contains(status) ? LeadCaseState.CLOSED : LeadCaseState.ACKNOWLEDGED;
        Update update = new Update().set("state", state.name());
        Criteria which = Criteria.where("_id").is(leadId);
        if (state == LeadCaseState.ACKNOWLEDGED) {
            which = which.and("state").is(LeadCaseState.OPEN.name()); // never reopen a closed lead
            // The case as it was: non-null only for the one change that moved it out of OPEN, so a repeated
            // status event (or the echo of a one-tap acknowledgement) is not measured twice.
            LeadCase before = mongo.findAndModify(Query.query(which), update, LeadCase.class);
            if (before != null) {
                timeToAcknowledge(before, clock.instant());
            }
            return;
        }
        mongo.updateFirst(Query.query(which), update, LeadCase.class);
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
        List<LeadCase> due = mongo.find(
                Query.query(Criteria.where("state")
                                .is(LeadCaseState.OPEN.name())
                                .and("ackDeadline")
                                .lte(now))
                        .limit(100),
                LeadCase.class);
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
        Update update = new Update()
                .set("escalationLevel", level)
                .set("notifiedAgentIds", notified)
                .set(
                        "ackDeadline",
                        last
                                ? Instant.parse("9999-12-31T00:00:00Z")
                                : now.plus(properties.ack().escalateAfter()));
        if (next != null) {
            update.set("assignedAgentId", next);
        }
        long won = mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(lc.leadId())
                                .and("state")
                                .is(LeadCaseState.OPEN.name())
                                .and("escalationLevel")
                                .is(lc.escalationLevel())),
                        update,
                        LeadCase.class)
                .getModifiedCount();
        if (won == 0) {
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
