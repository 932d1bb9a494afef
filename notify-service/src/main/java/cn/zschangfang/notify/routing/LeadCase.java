package cn.zschangfang.notify.routing;

import cn.zschangfang.notify.intake.LeadCapturedEvent;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * notify-service's record of one lead: the routing decision (inserted once, keyed by lead id, so a redelivered
 * {@code lead.captured} never routes twice), acknowledgement and escalation state.
 *
 * @param state OPEN (waiting for acknowledgement), ACKNOWLEDGED, CLOSED (lead finished; frees capacity)
 * @param assignedAgentId null while a shared-pool lead is unclaimed or when nobody could take it
 * @param notifiedAgentIds everyone who was sent this lead, so escalation does not pick them again
 */
@Document("lead_cases")
public record LeadCase(
        @Id String leadId,
        LeadCapturedEvent lead,
        String strategy,
        String reason,
        String assignedAgentId,
        List<String> notifiedAgentIds,
        String state,
        Instant routedAt,
        Instant ackDeadline,
        int escalationLevel,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant firstDeliveredAt) {

    public static final String OPEN = "OPEN";
    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    public static final String CLOSED = "CLOSED";
}
