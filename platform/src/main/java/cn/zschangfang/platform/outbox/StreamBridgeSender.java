package cn.zschangfang.platform.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Sends an outbox message as a binary-mode CloudEvent ({@code ce_*} Kafka headers, the JSON payload as the
 * body) through {@link StreamBridge}. The service's output bindings must be synchronous, so {@code send} returns
 * only after the broker's ack or throws; a throw is reported as false and the event stays pending.
 *
 * @param source CloudEvents {@code ce_source}, e.g. {@code urn:zschangfang:lead-service}
 */
public record StreamBridgeSender(StreamBridge streamBridge, URI source) implements OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(StreamBridgeSender.class);

    @Override
    public boolean send(OutboxMessage event) {
        Message<byte[]> message = CloudEventMessageBuilder.withData(
                        event.payload().getBytes(StandardCharsets.UTF_8))
                .setId(event.eventId())
                .setSource(source)
                .setType(event.type())
                .setSpecVersion("1.0")
                .setTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .setDataContentType("application/json")
                .setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
                .setHeader(KafkaHeaders.KEY, event.key().getBytes(StandardCharsets.UTF_8))
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
        try {
            return streamBridge.send(event.binding(), message);
        } catch (RuntimeException e) {
            // Broker down or slow: the event stays pending and the relay retries it.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // The payload is never logged; Kafka's messages name topics and brokers only, so the cause can be.
            log.warn(
                    "publishing {} event {} failed ({}: {}); left in the outbox",
                    event.type(),
                    event.eventId(),
                    root.getClass().getSimpleName(),
                    root.getMessage());
            return false;
        }
    }
}
