package cn.zschangfang.notify.agent;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The agents' round-robin virtual times (field {@code pass} of {@code agents}), read fresh for each decision: the
 * registry's copy of the active agents goes stale at once. An advance is a compare-and-set, so two instances never
 * both advance from the same value.
 */
@Component
public class AgentPasses {

    private static final String AGENTS = "agents";

    private final MongoTemplate mongo;

    public AgentPasses(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The current pass of each of these agents (0 for one that has none yet), by id. */
    public Map<String, Double> of(Collection<String> agentIds) {
        Query passes = Query.query(Criteria.where("_id").in(agentIds));
        passes.fields().include("pass"); // only the virtual times: the rest of each agent is already in hand
        return mongo.find(passes, Document.class, AGENTS).stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), AgentPasses::pass));
    }

    /** @return whether the pass was still {@code from} and is now {@code to} (false: another instance moved it) */
    public boolean advance(String agentId, double from, double to) {
        return mongo.updateFirst(
                                Query.query(Criteria.where("_id")
                                        .is(agentId)
                                        .and("pass")
                                        .is(from)),
                                new Update().set("pass", to),
                                AGENTS)
                        .getModifiedCount()
                == 1;
    }

    /** Moves the agent's pass back by {@code turn}, whatever it is now. */
    public void giveBack(String agentId, double turn) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(agentId)), new Update().inc("pass", -turn), Agent.class);
    }

    private static double pass(Document agent) {
        Object pass = agent.get("pass");
        return pass instanceof Number n ? n.doubleValue() : 0.0;
    }
}
