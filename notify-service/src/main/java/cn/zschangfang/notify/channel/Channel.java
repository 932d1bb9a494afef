package cn.zschangfang.notify.channel;

import cn.zschangfang.notify.agent.Agent;

/** One way of reaching an agent's phone; adding a channel is adding one implementation of this. */
public interface Channel {

    ChannelType type();

    /** Whether the agent has this channel configured (and the channel is usable in this deployment). */
    boolean availableFor(Agent agent);

    /**
     * The rate-limited destination (e.g. the robot URL) messages of this channel go to, or null when the channel
     * has no per-destination limit. Deliveries to the same target waiting on the limiter are folded into a digest.
     */
    default String limitTarget(Agent agent) {
        return null;
    }

    /**
     * How many of the message's items (from the first) one message of this channel carries within its size limit;
     * at least 1. The caller sends the others in a later message, so no lead is ever cut off a message.
     */
    default int capacity(Agent agent, OutboundMessage message) {
        return 1;
    }

    /** Whether this channel can carry messages of this purpose at all (SMS has a template for new leads only). */
    default boolean carries(Purpose purpose) {
        return true;
    }

    /** Sends a message that fits ({@link #capacity}); must not throw for channel errors (classify them instead). */
    SendResult send(Agent agent, OutboundMessage message);
}
