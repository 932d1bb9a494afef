package cn.zschangfang.notify.delivery;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.agent.AgentRegistry;
import cn.zschangfang.notify.channel.Channel;
import cn.zschangfang.notify.channel.ChannelType;
import cn.zschangfang.notify.channel.Channels;
import cn.zschangfang.notify.channel.OutboundMessage;
import cn.zschangfang.notify.channel.Purpose;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Records (once) the delivery of a lead to an agent on the agent's first usable channel after a given one. */
@Component
class DeliveryPlanner {

    private final AgentRegistry agents;
    private final Channels channels;
    private final DeliveryStore store;
    private final Clock clock;

    DeliveryPlanner(AgentRegistry agents, Channels channels, DeliveryStore store, Clock clock) {
        this.agents = agents;
        this.channels = channels;
        this.store = store;
        this.clock = clock;
    }

    /** @return the delivery's key, empty when the agent is inactive or has no usable channel after {@code after} */
    Optional<String> plan(String leadId, String agentId, Purpose purpose, int step, String note, ChannelType after) {
        return plan(leadId, agents.find(agentId), purpose, step, note, after);
    }

    /** As {@link #plan(String, String, Purpose, int, String, ChannelType)} for an agent the caller has just read. */
    Optional<String> plan(
            String leadId, Optional<Agent> read, Purpose purpose, int step, String note, ChannelType after) {
        Optional<Agent> agent = read.filter(Agent::active);
        if (agent.isEmpty()) {
            return Optional.empty();
        }
        Optional<Channel> channel = channels.firstFor(agent.get(), after);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        Delivery d = Delivery.planned(
                leadId,
                agent.get().id(),
                channel.get().type(),
                purpose,
                step,
                note,
                channel.get().limitTarget(agent.get()),
                clock.instant());
        store.insertOnce(d);
        return Optional.of(d.key());
    }

    /**
     * Records (once) a listing-match digest on the agent's first channel after {@code after} that carries one.
     *
     * @return the delivery's key, empty when the agent is inactive or no such channel reaches it
     */
    Optional<String> planMatch(String eventId, String agentId, OutboundMessage.ListingMatch match, ChannelType after) {
        Optional<Agent> agent = agents.find(agentId).filter(Agent::active);
        Optional<Channel> channel = agent.flatMap(a -> channels.firstFor(a, after, Purpose.LISTING_MATCH));
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        Delivery d = Delivery.listingMatch(
                eventId, agentId, channel.get().type(), match, channel.get().limitTarget(agent.get()), clock.instant());
        store.insertOnce(d);
        return Optional.of(d.key());
    }
}
