package cn.zschangfang.notify.routing;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.agent.AgentRegistry;
import cn.zschangfang.notify.agent.AgentRole;
import cn.zschangfang.notify.channel.Channels;
import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.notify.lead.Lead;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Decides who gets a lead. A lead from a listing goes first to the listing's responsible agent when that agent is
 * active, reachable and in working hours ({@link SourceListingAgent}); otherwise, and for every other lead, by
 * territory. Eligible = active AGENT, inside working hours (Asia/Shanghai by default), covering the
 * lead's town, property type and intent, under capacity and reachable by at least one channel of this deployment
 * (an agent nobody can reach is skipped, and the decision's reason says so). No eligible agent → the duty manager.
 *
 * <p>Weighted round-robin is stride scheduling: each agent has a virtual time {@code pass} in MongoDB; the eligible
 * agent with the smallest pass wins and its pass advances by {@code 1/weight} with a compare-and-set, so two
 * instances never both advance from the same value and the state survives restarts.
 */
@Service
public class Router {

    private static final String AGENTS = "agents";

    private final AgentRegistry agents;
    private final Channels channels;
    private final MongoTemplate mongo;
    private final NotifyProperties properties;
    private final RoutingProperties routing;
    private final Clock clock;

    public Router(
            AgentRegistry agents,
            Channels channels,
            MongoTemplate mongo,
            NotifyProperties properties,
            RoutingProperties routing,
            Clock clock) {
        this.routing = routing;
        this.agents = agents;
        this.channels = channels;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        // openLeads() runs for every lead routed with a capacity or least-open-leads: without it MongoDB reads every
        // case ever stored.
        mongo.indexOps(LeadCase.class)
                .createIndex(new Index("state", Sort.Direction.ASC).on("assignedAgentId", Sort.Direction.ASC));
    }

    public RoutingDecision route(Lead lead, Collection<String> exclude) {
        return route(lead, exclude, routing.strategy());
    }

    public RoutingDecision route(Lead lead, Collection<String> exclude, RoutingStrategy strategy) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(routing.zone()));
        String listingAgent = lead.sourceListingAgentId();
        if (listingAgent == null || exclude.contains(listingAgent)) {
            return byTerritory(lead, exclude, strategy, now);
        }
        String unavailable = SourceListingAgent.unavailable(agents.find(listingAgent), channels::reaches, now);
        if (unavailable == null) {
            return new RoutingDecision(List.of(listingAgent), RoutedBy.SOURCE_LISTING, SourceListingAgent.CHOSEN);
        }
        RoutingDecision territory = byTerritory(lead, exclude, strategy, now);
        return new RoutingDecision(
                territory.agentIds(),
                territory.strategy(),
                unavailable + SourceListingAgent.FALLBACK + "; " + territory.reason());
    }

    private RoutingDecision byTerritory(
            Lead lead, Collection<String> exclude, RoutingStrategy strategy, ZonedDateTime now) {
        List<Agent> covering = agents.active().stream()
                .filter(a -> a.spec().role() == AgentRole.AGENT)
                .filter(a -> !exclude.contains(a.id()))
                .filter(a -> a.matches(lead.town(), lead.propertyType(), lead.intent()))
                .toList();
        List<String> unreachable = covering.stream()
                .filter(a -> !channels.reaches(a))
                .map(Agent::id)
                .toList();
        String skipped =
                unreachable.isEmpty() ? "" : "; skipped " + String.join(", ", unreachable) + ": no usable channel";
        List<Agent> matching =
                covering.stream().filter(a -> !unreachable.contains(a.id())).toList();
        List<Agent> inHours = matching.stream().filter(a -> a.availableAt(now)).toList();
        // the aggregation over all open lead cases only when a capacity or the strategy needs it (a command less)
        boolean counted = strategy == RoutingStrategy.LEAST_OPEN
                || inHours.stream().anyMatch(a -> a.spec().capacity().maxOpenLeads() != null);
        Map<String, Long> open = counted ? openLeads() : Map.of();
        List<Agent> available = inHours.stream()
                .filter(a -> a.spec().capacity().maxOpenLeads() == null
                        || open.getOrDefault(a.id(), 0L) < a.spec().capacity().maxOpenLeads())
                .toList();
        // A town's own agents come before catch-all agents (no territory): a generalist takes the towns nobody owns
        // and the overflow when the town's agents are away or full, never a lead its specialist could take.
        List<Agent> owners = available.stream()
                .filter(a -> a.spec().territory().towns().contains(lead.town()))
                .toList();
        List<Agent> eligible = owners.isEmpty() ? available : owners;
        if (eligible.isEmpty()) {
            String why = matching.isEmpty()
                    ? "no agent covers this town, type and intent"
                    : inHours.isEmpty()
                            ? "outside every matching agent's working hours"
                            : "all matching agents at capacity";
            return dutyManager(exclude, why + skipped);
        }
        return switch (strategy) {
            case SHARED_POOL ->
                new RoutingDecision(
                        eligible.stream().map(Agent::id).toList(),
                        RoutedBy.SHARED_POOL,
                        "broadcast to " + eligible.size() + " agents" + skipped);
            case LEAST_OPEN -> {
                Agent pick = eligible.stream()
                        .min(Comparator.comparingLong((Agent a) -> open.getOrDefault(a.id(), 0L))
                                .thenComparing(Agent::id))
                        .orElseThrow();
                yield new RoutingDecision(
                        List.of(pick.id()),
                        RoutedBy.LEAST_OPEN,
                        open.getOrDefault(pick.id(), 0L) + " open leads" + skipped);
            }
            case WEIGHTED_ROUND_ROBIN ->
                new RoutingDecision(
                        List.of(weightedRoundRobin(eligible)),
                        RoutedBy.WEIGHTED_ROUND_ROBIN,
                        "weighted round-robin" + skipped);
        };
    }

    /** The duty manager, unless excluded, missing or unreachable (then nobody). */
    public RoutingDecision dutyManager(Collection<String> exclude, String why) {
        return agents.find(properties.dutyManagerId())
                .filter(Agent::active)
                .filter(a -> !exclude.contains(a.id()))
                .filter(channels::reaches)
                .map(a -> new RoutingDecision(List.of(a.id()), RoutedBy.DUTY_MANAGER, why))
                .orElseGet(() ->
                        new RoutingDecision(List.of(), RoutedBy.DUTY_MANAGER, why + "; no duty manager available"));
    }

    private String weightedRoundRobin(List<Agent> eligible) {
        Map<String, Integer> weights = eligible.stream()
                .collect(Collectors.toMap(
                        Agent::id, a -> Math.max(1, a.spec().capacity().weight())));
        Query passes = Query.query(Criteria.where("_id").in(weights.keySet()));
        passes.fields().include("pass"); // only the virtual times: the rest of each agent is already in hand
        for (int attempt = 0; attempt < 50; attempt++) {
            Document pick = mongo.find(passes, Document.class, AGENTS).stream()
                    .min(Comparator.comparingDouble(Router::pass).thenComparing(d -> d.getString("_id")))
                    .orElseThrow();
            String id = pick.getString("_id");
            double pass = pass(pick);
            long advanced = mongo.updateFirst(
                            Query.query(Criteria.where("_id").is(id).and("pass").is(pass)),
                            new Update().set("pass", pass + 1.0 / weights.get(id)),
                            AGENTS)
                    .getModifiedCount();
            if (advanced == 1) {
                return id;
            }
            // another instance advanced this agent meanwhile: re-read and decide again
        }
        throw new IllegalStateException("weighted round-robin contention did not settle");
    }

    private static double pass(Document agent) {
        Object pass = agent.get("pass");
        return pass instanceof Number n ? n.doubleValue() : 0.0;
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
}
