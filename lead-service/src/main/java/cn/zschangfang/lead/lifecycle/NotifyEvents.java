package cn.zschangfang.lead.lifecycle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * lead-service's own tolerant views of notify-service's events: only the fields the consumer reads, everything else
 * the producer sends is ignored.
 */
public final class NotifyEvents {

    private NotifyEvents() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LeadRouted(
            String eventId, String leadId, String agentId, String agentName, String strategy, Boolean escalation) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(
            String eventId,
            String leadId,
            String agentId,
            String channel,
            String purpose,
            String status,
            Integer attempt) {}
}
