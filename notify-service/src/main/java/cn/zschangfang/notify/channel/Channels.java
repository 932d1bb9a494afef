package cn.zschangfang.notify.channel;

import cn.zschangfang.notify.agent.Agent;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The deployment's channels in the order they are tried ({@link ChannelType} order). */
@Component
public class Channels {

    private final List<Channel> ordered;

    public Channels(List<Channel> channels) {
        this.ordered =
                channels.stream().sorted(Comparator.comparing(Channel::type)).toList();
    }

    /** The first channel that reaches the agent and comes after {@code after} (null: from the start). */
    public Optional<Channel> firstFor(Agent agent, ChannelType after) {
        return ordered.stream()
                .filter(c -> after == null || c.type().compareTo(after) > 0)
                .filter(c -> c.availableFor(agent))
                .findFirst();
    }

    /** The first channel after {@code after} that reaches the agent and carries messages of this purpose. */
    public Optional<Channel> firstFor(Agent agent, ChannelType after, Purpose purpose) {
        return ordered.stream()
                .filter(c -> after == null || c.type().compareTo(after) > 0)
                .filter(c -> c.carries(purpose))
                .filter(c -> c.availableFor(agent))
                .findFirst();
    }

    /** Every channel of this deployment that reaches the agent, in order. */
    public List<Channel> allFor(Agent agent) {
        return ordered.stream().filter(c -> c.availableFor(agent)).toList();
    }

    /** Whether any channel of this deployment reaches the agent. */
    public boolean reaches(Agent agent) {
        return firstFor(agent, null).isPresent();
    }

    public Optional<Channel> of(ChannelType type) {
        return ordered.stream().filter(c -> c.type() == type).findFirst();
    }
}
