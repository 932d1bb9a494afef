package cn.zschangfang.notify.events;

import java.time.Instant;

/** {@code notify.delivery}: one step of one delivery (schema: contracts/notify.delivery.schema.json). */
public record NotifyDeliveryEvent(
        String eventId,
        Instant occurredAt,
        String deliveryId,
        String leadId,
        String agentId,
        String channel,
        String purpose,
        String status,
        int attempt,
        long latencyMs) {}
