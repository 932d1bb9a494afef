package cn.zschangfang.notify.routing;

import cn.zschangfang.notify.lead.Lead;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * notify-service's record of one lead: the routing decision (inserted once, keyed by lead id, so a redelivered
 * {@code lead.captured} never routes twice), acknowledgement and escalation state.
 *
 * @param assignedAgentId null while a shared-pool lead is unclaimed or when nobody could take it
 * @param notifiedAgentIds everyone who was sent this lead, so escalation does not pick them again
 */
@Document("lead_cases")
public record LeadCase(
        @Id String leadId,
        Lead lead,
        RoutedBy strategy,
        String reason,
        String assignedAgentId,
        List<String> notifiedAgentIds,
        LeadCaseState state,
        Instant routedAt,
        Instant ackDeadline,
        int escalationLevel,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant firstDeliveredAt) {

    /** A lead just routed by {@code decision}, open until acknowledged, escalating after {@code ackDeadline}. */
    public static LeadCase routed(Lead lead, RoutingDecision decision, Instant now, Instant ackDeadline) {
        return new LeadCase(
                lead.leadId(),
                lead,
                decision.strategy(),
                decision.reason(),
                decision.shared() || decision.agentIds().isEmpty()
                        ? null
                        : decision.agentIds().get(0),
                decision.agentIds(),
                LeadCaseState.OPEN,
                now,
                ackDeadline,
                0,
                null,
                null,
                null);
    }
}
