package cn.zschangfang.notify.routing;

import java.util.List;

/**
 * Who gets a lead and why.
 *
 * @param agentIds one agent, or several for the shared pool; empty when not even a duty manager exists
 * @param strategy what decided: the strategy, or DUTY_MANAGER for the fallback
 * @param reason why, including agents skipped because no channel reaches them
 */
public record RoutingDecision(List<String> agentIds, RoutedBy strategy, String reason) {

    public boolean shared() {
        return agentIds.size() > 1;
    }
}
