package cn.zschangfang.notify.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code lead_cases} collection: a case is inserted once per lead, and every later change to it is a
 * conditional update that only one caller wins (the first acknowledgement, one escalation step per level, the
 * first delivery), so several consumer threads and instances can act on the same lead.
 */
@Component
public class LeadCases {

    private final MongoTemplate mongo;

    public LeadCases(MongoTemplate mongo) {
        this.mongo = mongo;
        // openLeads() runs for every lead routed with a capacity or least-open-leads: without it MongoDB reads every
        // case ever stored.
        mongo.indexOps(LeadCase.class)
                .createIndex(new Index("state", Sort.Direction.ASC).on("assignedAgentId", Sort.Direction.ASC));
        // The escalation sweep's "open and past its deadline" every check interval, on a collection that keeps every
        // case.
        mongo.indexOps(LeadCase.class)
                .createIndex(new Index("state", Sort.Direction.ASC).on("ackDeadline", Sort.Direction.ASC));
    }

    /** The lead's case, or null when it was never routed. */
    public LeadCase find(String leadId) {
        return mongo.findById(leadId, LeadCase.class);
    }

    /** @return false when a case for the lead exists already (another consumer routed it first: its decision stands) */
    public boolean insertOnce(LeadCase lc) {
        try {
            mongo.insert(lc);
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /** Open (not closed) leads per assigned agent, for capacity and least-open-leads. */
    public Map<String, Long> openLeads() {
        var aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("state")
                        .in(LeadCaseState.OPEN.name(), LeadCaseState.ACKNOWLEDGED.name())
                        .and("assignedAgentId")
                        .ne(null)),
                Aggregation.group("assignedAgentId").count().as("n"));
        return mongo.aggregate(aggregation, "lead_cases", Map.class).getMappedResults().stream()
                .collect(Collectors.toMap(
                        m -> String.valueOf(m.get("_id")), m -> ((Number) m.get("n")).longValue(), Long::sum));
    }

    /** The open shared-pool leads {@code agentId} was sent and nobody has claimed, oldest first, at most 50. */
    public List<LeadCase> unclaimedPoolLeads(String agentId) {
        Query open = Query.query(Criteria.where("state")
                        .is(LeadCaseState.OPEN.name())
                        .and("strategy")
                        .is(RoutedBy.SHARED_POOL.name())
                        .and("assignedAgentId")
                        .is(null)
                        .and("notifiedAgentIds")
                        .is(agentId))
                .with(Sort.by(Sort.Direction.ASC, "routedAt"))
                .limit(50);
        return mongo.find(open, LeadCase.class);
    }

    /**
     * OPEN → ACKNOWLEDGED by {@code agentId} if the lead is still open and assigned to that agent or to nobody (an
     * unclaimed shared-pool lead, which becomes the agent's); true only for the one call that made the change.
     */
    public boolean acknowledge(String leadId, String agentId, Instant at) {
        Criteria open = Criteria.where("_id").is(leadId).and("state").is(LeadCaseState.OPEN.name());
        Criteria mine = new Criteria()
                .orOperator(
                        Criteria.where("assignedAgentId").is(agentId),
                        Criteria.where("assignedAgentId").is(null));
        return won(
                new Criteria().andOperator(open, mine),
                new Update()
                        .set("state", LeadCaseState.ACKNOWLEDGED.name())
                        .set("assignedAgentId", agentId)
                        .set("acknowledgedAt", at)
                        .set("acknowledgedBy", agentId));
    }

    /**
     * OPEN → ACKNOWLEDGED (never reopening a closed lead).
     *
     * @return the case as it was: non-null only for the one change that moved it out of OPEN, so a repeated status
     *     event (or the echo of a one-tap acknowledgement) is not measured twice
     */
    public LeadCase acknowledgeIfOpen(String leadId) {
        return mongo.findAndModify(
                Query.query(Criteria.where("_id").is(leadId).and("state").is(LeadCaseState.OPEN.name())),
                new Update().set("state", LeadCaseState.ACKNOWLEDGED.name()),
                LeadCase.class);
    }

    /** Whatever its state: a finished lead no longer counts against its agent's capacity. */
    public void close(String leadId) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(leadId)),
                new Update().set("state", LeadCaseState.CLOSED.name()),
                LeadCase.class);
    }

    /** OPEN leads whose acknowledgement deadline has passed (at most {@code max}). */
    public List<LeadCase> overdue(Instant now, int max) {
        return mongo.find(
                Query.query(Criteria.where("state")
                                .is(LeadCaseState.OPEN.name())
                                .and("ackDeadline")
                                .lte(now))
                        .limit(max),
                LeadCase.class);
    }

    /**
     * One escalation step: applied only while the case is OPEN at the level {@code lc} was read at, so whichever
     * instance gets here first takes the step and the others change nothing.
     *
     * @param next the new assigned agent, null to keep the current one
     * @return whether this call took the step
     */
    public boolean escalate(LeadCase lc, List<String> notified, Instant ackDeadline, String next) {
        Update update = new Update()
                .set("escalationLevel", lc.escalationLevel() + 1)
                .set("notifiedAgentIds", notified)
                .set("ackDeadline", ackDeadline);
        if (next != null) {
            update.set("assignedAgentId", next);
        }
        return won(
                Criteria.where("_id")
                        .is(lc.leadId())
                        .and("state")
                        .is(LeadCaseState.OPEN.name())
                        .and("escalationLevel")
                        .is(lc.escalationLevel()),
                update);
    }

    /** @return true for the one call that recorded the lead's first delivery */
    public boolean firstDelivered(String leadId, Instant at) {
        return won(
                Criteria.where("_id").is(leadId).and("firstDeliveredAt").is(null),
                new Update().set("firstDeliveredAt", at));
    }

    /** The conditional update: applied to the case {@code matching}, true only for the one caller that changed it. */
    private boolean won(Criteria matching, Update update) {
        return mongo.updateFirst(Query.query(matching), update, LeadCase.class).getModifiedCount() == 1;
    }
}
