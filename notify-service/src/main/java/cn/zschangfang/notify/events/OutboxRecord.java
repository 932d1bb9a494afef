package cn.zschangfang.notify.events;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An event waiting for the broker's acknowledgement; deleted once published. */
@Document("outbox")
public record OutboxRecord(
        @Id String eventId,
        String binding,
        String type,
        String key,
        String payloadJson,
        Instant createdAt,
        int tries) {}
