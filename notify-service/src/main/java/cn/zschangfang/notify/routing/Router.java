package cn.zschangfang.notify.routing;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.agent.AgentPasses;
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
import org.springframework.stereotype.Service;

/**
 * Decides who gets a lead. A lead from a listing goes first to the listing's responsible agent when that agent is
 * active, reachable and in working hours ({@link SourceListingAgent}); otherwise, and for every other lead, by
 * territory. Eligible = active AGENT, inside working hours (Asia/Shanghai by default), covering the
 * lead's town, property type and intent, under capacity and reachable by at least one channel of this deployment
 * (an agent nobody can reach is skipped, and the decision's reason says so). No eligible agent → the duty manager.
 *
 * <p>Weighted round-robin is stride scheduling: each agent has a virtual time {@code pass} in MongoDB; the eligible
 * agent with the smallest pass wins and its pass advances by {@code 1/weight} with a compare-and-set
 * ({@link AgentPasses}), so two instances never both advance from the same value and the state survives restarts.
 */
@Service
public class Router {

    private final AgentRegistry agents;
    private final AgentPasses passes;
    private final Channels channels;
    private final LeadCases cases;
    private final NotifyProperties properties;
    private final RoutingProperties routing;
    private final Clock clock;

    public Router(
            AgentRegistry agents,
            AgentPasses passes,
            Channels channels,
            LeadCases cases,
            NotifyProperties properties,
            RoutingProperties routing,
            Clock clock) {
        this.routing = routing;
        this.agents = agents;
        this.passes = passes;
        this.channels = channels;
        this.cases = cases;
        this.properties = properties;
        this.clock = clock;
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
        Map<String, Long> open = counted ? cases.openLeads() : Map.of();
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
        for (int attempt = 0; attempt < 50; attempt++) {
            Map.Entry<String, Double> pick = passes.of(weights.keySet()).entrySet().stream()
                    .min(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry::getKey))
                    .orElseThrow();
            String id = pick.getKey();
            double pass = pick.getValue();
            if (passes.advance(id, pass, pass + 1.0 / weights.get(id))) {
                return id;
            }
            // another instance advanced this agent meanwhile: re-read and decide again
        }
        throw new IllegalStateException("weighted round-robin contention did not settle");
    }

    /** A round-robin turn consumed by a decision that lost the race is given back, keeping the rotation fair. */
    public void giveBack(RoutingDecision decision) {
        if (decision.strategy() == RoutedBy.WEIGHTED_ROUND_ROBIN
                && decision.agentIds().size() == 1) {
            agents.find(decision.agentIds().get(0))
                    .ifPresent(a -> passes.giveBack(
                            a.id(), 1.0 / Math.max(1, a.spec().capacity().weight())));
        }
    }
}
