package cn.zschangfang.lead.outbox;

import java.time.Instant;

/** Payload of {@code lead.status-changed} (schema: {@code contracts/lead.status-changed.schema.json}). */
public record LeadStatusChangedEvent(
        String eventId, Instant occurredAt, String leadId, String status, String previousStatus, String actor) {}
