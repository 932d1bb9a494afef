package cn.zschangfang.notify.agent;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One administrative action on an agent, for the back office's history: who, when, what and how it went. Ids and
 * outcome codes only: no webhook address, mobile or name is recorded.
 */
@Document("agent_audit")
public record AgentAuditEntry(
        @Id String id, String agentId, Instant at, String by, String action, List<ChannelOutcome> results) {

    /** @param code the channel's answer code (e.g. {@code 0}, {@code 93000}, {@code io}) */
    public record ChannelOutcome(String channel, String status, String code) {}
}
