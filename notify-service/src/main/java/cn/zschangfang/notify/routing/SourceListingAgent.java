package cn.zschangfang.notify.routing;

import cn.zschangfang.notify.agent.Agent;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whether the responsible agent of the listing a lead came from can take it now. The visitor asked about that
 * agent's listing, so capacity does not count (the owner knows the space best); being away or unreachable does,
 * because an unanswered lead is worse than one answered by a colleague of the town. The reasons are Chinese: they
 * end up on the lead's timeline, which agents and managers read.
 */
final class SourceListingAgent {

    static final String CHOSEN = "房源负责人";
    static final String FALLBACK = "，按镇街分配";

    private SourceListingAgent() {}

    /** @return null when the agent can take the lead, else why not */
    static String unavailable(Optional<Agent> agent, Predicate<Agent> reachable, ZonedDateTime now) {
        if (agent.isEmpty()) {
            return "房源负责人不在经纪人名册中";
        }
        Agent a = agent.get();
        if (!a.active()) {
            return "房源负责人已停用";
        }
        if (!reachable.test(a)) {
            return "房源负责人没有可用的通知渠道";
        }
        if (!a.availableAt(now)) {
            return "房源负责人不在工作时间";
        }
        return null;
    }
}
