package cn.zschangfang.lead.inquiry;

import java.time.Instant;

/**
 * An event waiting in the lead document's outbox. The payload is the exact JSON that goes on the wire, so a
 * re-publication by the relay is byte-identical and carries the same {@code eventId} consumers deduplicate on.
 *
 * @param binding Spring Cloud Stream output binding
 * @param type CloudEvents {@code ce_type}
 * @param key Kafka record key (the lead id)
 */
public record PendingEvent(
        String eventId, String binding, String type, String key, String payload, Instant occurredAt) {}
