package cn.zschangfang.notify.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** Tolerant view of {@code lead.status-changed}: only what stops escalation and frees capacity. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadStatusChangedEvent(
        String eventId, Instant occurredAt, String leadId, String status, String previousStatus, String actor) {}
