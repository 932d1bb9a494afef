package cn.zschangfang.notify.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes {@code lead.routed} and {@code notify.delivery} through a small outbox: the event is stored in MongoDB
 * first, sent at once on a synchronous binding (broker ack awaited), and removed when acknowledged; whatever the
 * broker did not take is retried by {@link #republish()} so no event is lost while Kafka is down (or the process
 * died between storing and sending). Sends from intake run on the send pool, never on the consumer thread.
 */
@Component
public class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);
    static final String SOURCE = "urn:zschangfang:notify-service";
    static final String LEAD_ROUTED_BINDING = "leadRouted-out-0";
    static final String DELIVERY_BINDING = "notifyDelivery-out-0";

    private final StreamBridge bridge;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    public EventPublisher(StreamBridge bridge, Outbox outbox, JsonMapper json, Clock clock) {
        this.bridge = bridge;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    public void leadRouted(LeadRoutedEvent event) {
        publish(LEAD_ROUTED_BINDING, "cn.zschangfang.lead.routed.v1", event.eventId(), event.leadId(), event);
    }

    public void delivery(NotifyDeliveryEvent event) {
        publish(DELIVERY_BINDING, "cn.zschangfang.notify.delivery.v1", event.eventId(), event.leadId(), event);
    }

    /**
     * Stores {@code lead.routed} in the outbox now (durable before the caller commits its Kafka offset) and returns
     * the broker send, for the caller to run on another thread; if it never runs, {@link #republish()} sends it.
     */
    public Runnable leadRoutedLater(LeadRoutedEvent event) {
        OutboxRecord record =
                store(LEAD_ROUTED_BINDING, "cn.zschangfang.lead.routed.v1", event.eventId(), event.leadId(), event);
        return record == null ? () -> {} : () -> send(record);
    }

    private void publish(String binding, String type, String eventId, String key, Object event) {
        OutboxRecord record = store(binding, type, eventId, key, event);
        if (record != null) {
            send(record);
        }
    }

    /** @return the stored record, null when the same deterministic event id is already waiting (sent once) */
    private OutboxRecord store(String binding, String type, String eventId, String key, Object event) {
        OutboxRecord record =
                new OutboxRecord(eventId, binding, type, key, json.writeValueAsString(event), clock.instant(), 0);
        return outbox.insertOnce(record) ? record : null;
    }

    private boolean send(OutboxRecord record) {
        try {
            Message<byte[]> message = CloudEventMessageBuilder.withData(
                            record.payloadJson().getBytes(StandardCharsets.UTF_8))
                    .setId(record.eventId())
                    .setSource(URI.create(SOURCE))
                    .setType(record.type())
                    .setSpecVersion("1.0")
                    .setTime(record.createdAt().atOffset(ZoneOffset.UTC))
                    .setDataContentType("application/json")
                    .setHeader(KafkaHeaders.KEY, record.key().getBytes(StandardCharsets.UTF_8))
                    .setHeader("contentType", "application/json")
                    .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
            if (!bridge.send(record.binding(), message)) {
                return false;
            }
            outbox.sent(record.eventId());
            return true;
        } catch (RuntimeException e) {
            log.warn("publishing {} to {} failed; kept in the outbox for retry", record.eventId(), record.binding());
            outbox.failed(record.eventId());
            return false;
        }
    }

    /** Re-sends events the broker has not acknowledged (older than 10 s, oldest first, per-key order kept). */
    @Scheduled(fixedDelayString = "${notify.outbox.interval:5s}", initialDelayString = "${notify.outbox.interval:5s}")
    public void republish() {
        // 10 s, not less: a fresh record may still be waiting in the send pool's queue, which sends it itself (a second
        // copy would be harmless, consumers deduplicate by event id, but it is wasted broker traffic)
        Instant before = clock.instant().minus(Duration.ofSeconds(10));
        for (OutboxRecord record : outbox.waiting(before, 200)) {
            if (!send(record)) {
                return; // broker still unavailable: keep order, try again later
            }
        }
    }
}
