package cn.zschangfang.notify.routing;

/** How a lead's agent is chosen among the eligible ones; env {@code ROUTING_STRATEGY}. */
public enum RoutingStrategy {
    /** Stride scheduling over the agents' weights. */
    WEIGHTED_ROUND_ROBIN,
    /** The eligible agent with the fewest open leads. */
    LEAST_OPEN,
    /** Every eligible agent is told; the first to acknowledge takes it. */
    SHARED_POOL
}
