package cn.zschangfang.notify.agent;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The history of administrative actions on agents (collection {@code agent_audit}): every change through the admin
 * API and every test message, so the back office can say who changed an agent's channels or routing and when.
 * The admin API has one role (ADMIN), so {@code by} is {@code admin}.
 */
@Component
public class AgentAudit {

    private final MongoTemplate mongo;
    private final Clock clock;

    public AgentAudit(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(AgentAuditEntry.class)
                .createIndex(new Index("agentId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
    }

    public void record(String agentId, String action, List<AgentAuditEntry.ChannelOutcome> results) {
        mongo.insert(
                new AgentAuditEntry(UUID.randomUUID().toString(), agentId, clock.instant(), "admin", action, results));
    }

    /** Newest first, at most 50. */
    public List<AgentAuditEntry> recent(String agentId) {
        return mongo.find(
                Query.query(Criteria.where("agentId").is(agentId))
                        .with(Sort.by(Sort.Direction.DESC, "at"))
                        .limit(50),
                AgentAuditEntry.class);
    }
}
