package cn.zschangfang.lead.lifecycle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** lead-service's own tolerant views of notify-service's events (unknown fields ignored). */
public final class NotifyEvents {

    private NotifyEvents() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LeadRouted(
            String eventId,
            Instant occurredAt,
            String leadId,
            String agentId,
            String agentName,
            String strategy,
            String reason,
            Boolean escalation,
            String previousAgentId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(
            String eventId,
            Instant occurredAt,
            String deliveryId,
            String leadId,
            String agentId,
            String channel,
            String purpose,
            String status,
            Integer attempt,
            Long latencyMs) {}
}
