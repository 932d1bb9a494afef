package cn.zschangfang.content.cache;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes cache-invalidation events (CloudEvents binary mode, as the other content publishers) off the request
 * thread: an edit never waits on Kafka, and with the broker down the producer's metadata wait (up to
 * {@code max.block.ms}) lands on this thread. Best effort by design, no outbox: a lost event only means the other
 * instances serve the old version until {@code content.cache.ttl}; the writing instance has evicted already.
 */
@Component
public class ChangeBroadcast implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChangeBroadcast.class);
    private static final URI SOURCE = URI.create("urn:zschangfang:content-service");

    private final StreamBridge streamBridge;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService executor =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(1_000), r -> {
                Thread t = new Thread(r, "cache-change-broadcast");
                t.setDaemon(true);
                return t;
            });

    public ChangeBroadcast(StreamBridge streamBridge, JsonMapper json, Clock clock) {
        this.streamBridge = streamBridge;
        this.json = json;
        this.clock = clock;
    }

    /** The wire form of one change, which carries the CloudEvent's id and time in its own fields as well. */
    @FunctionalInterface
    public interface Stamped {
        Object of(String eventId, Instant occurredAt);
    }

    /**
     * @param binding the output binding ({@code articleChanged-out-0}, {@code listingRefreshed-out-0})
     * @param type the CloudEvents type
     * @param key the record key (article id, listing id)
     */
    public void publish(String binding, String type, String key, Stamped payload) {
        String eventId = UUID.randomUUID().toString();
        Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] data = json.writeValueAsBytes(payload.of(eventId, occurredAt));
        Message<byte[]> message = CloudEventMessageBuilder.withData(data)
                .setId(eventId)
                .setSource(SOURCE)
                .setType(type)
                .setSpecVersion("1.0")
                .setTime(occurredAt.atOffset(ZoneOffset.UTC))
                .setDataContentType("application/json")
                .setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
                .setHeader(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8))
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
        try {
            executor.execute(() -> send(binding, eventId, message));
        } catch (RejectedExecutionException e) {
            log.warn("cache change queue full, event {} dropped (other instances expire by TTL)", eventId);
        }
    }

    private void send(String binding, String eventId, Message<byte[]> message) {
        try {
            streamBridge.send(binding, message);
        } catch (RuntimeException e) {
            log.warn("cache change event {} not sent ({}); other instances expire by TTL", eventId, e.toString());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
