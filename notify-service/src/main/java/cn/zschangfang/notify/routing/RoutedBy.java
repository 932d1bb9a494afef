package cn.zschangfang.notify.routing;

/**
 * What decided a lead's agent, as stored in {@code lead_cases.strategy} and sent as {@code lead.routed.strategy}: a
 * configured {@link RoutingStrategy}, the
 * source listing's agent, an escalation to the agent's backup, or the duty-manager fallback.
 */
public enum RoutedBy {
    WEIGHTED_ROUND_ROBIN,
    LEAST_OPEN,
    SHARED_POOL,
    /** The responsible agent of the listing the visitor inquired from (active, reachable, in working hours). */
    SOURCE_LISTING,
    BACKUP,
    DUTY_MANAGER;

    public static RoutedBy of(RoutingStrategy strategy) {
        return valueOf(strategy.name());
    }

    /** Reads stored names, including {@code LEAST_OPEN_LEADS}, which versions before 0.2 wrote. */
    public static RoutedBy fromStored(String name) {
        return "LEAST_OPEN_LEADS".equals(name) ? LEAST_OPEN : valueOf(name);
    }
}
