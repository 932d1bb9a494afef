package cn.zschangfang.platform.outbox;

import java.time.Instant;

/**
 * One pending outbox event as it goes on the wire. Each service keeps its own pending-event record in its own
 * document and maps it to this; the payload is the exact JSON stored with the change, so a re-send is
 * byte-identical and carries the same {@code eventId} consumers deduplicate on.
 *
 * @param binding Spring Cloud Stream output binding
 * @param type CloudEvents {@code ce_type}
 * @param key Kafka record key (the aggregate's id, which keeps its events in order on one partition)
 */
public record OutboxMessage(
        String eventId, String binding, String type, String key, String payload, Instant occurredAt) {}
