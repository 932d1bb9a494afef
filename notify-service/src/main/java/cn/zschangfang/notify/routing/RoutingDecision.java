package cn.zschangfang.notify.routing;

import java.util.List;

/**
 * Who gets a lead and why.
 *
 * @param agentIds one agent, or several for the shared pool; empty when not even a duty manager exists
 * @param strategy the strategy that decided, or DUTY_MANAGER for the fallback
 */
public record RoutingDecision(List<String> agentIds, String strategy, String reason) {

    public boolean shared() {
        return agentIds.size() > 1;
    }
}
