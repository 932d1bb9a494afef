package cn.zschangfang.notify.events;

import java.time.Instant;

/** {@code lead.routed}: who got a lead, by which strategy and why (schema: contracts/lead.routed.schema.json). */
public record LeadRoutedEvent(
        String eventId,
        Instant occurredAt,
        String leadId,
        String agentId,
        String agentName,
        String strategy,
        String reason,
        boolean escalation,
        String previousAgentId) {}
