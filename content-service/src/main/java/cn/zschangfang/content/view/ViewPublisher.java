package cn.zschangfang.content.view;

import cn.zschangfang.content.config.ContentProperties;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes counted views to {@code content.article-viewed} off the request thread: the beacon only enqueues, one
 * publisher thread hands records to the (asynchronous, idempotent, acks=all) Kafka producer. If the broker is
 * unreachable the producer blocks this thread, not the request threads; when the bounded queue is full a view is
 * dropped and counted in {@code content.views.publish.dropped} rather than slowing the public API down.
 */
@Component
public class ViewPublisher implements SmartLifecycle {

    /** Output binding, bound to {@code content.article-viewed} in application.yml. */
    public static final String BINDING = "articleViewed-out-0";

    static final String SOURCE = "urn:zschangfang:content-service";
    static final String TYPE = "cn.zschangfang.content.article-viewed.v1";

    private static final Logger log = LoggerFactory.getLogger(ViewPublisher.class);
    private static final ContextSnapshotFactory SNAPSHOTS =
            ContextSnapshotFactory.builder().build();

    private final StreamBridge bridge;
    private final JsonMapper json;
    private final ThreadPoolExecutor executor;
    private final Counter dropped;

    public ViewPublisher(StreamBridge bridge, JsonMapper json, ContentProperties properties, MeterRegistry meters) {
        this.bridge = bridge;
        this.json = json;
        this.executor = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.views().publishQueueCapacity()),
                r -> {
                    Thread t = new Thread(r, "view-publisher");
                    t.setDaemon(true);
                    return t;
                });
        this.dropped = Counter.builder("content.views.publish.dropped")
                .description("Counted views dropped because the publish queue was full")
                .register(meters);
        meters.gauge("content.views.publish.queue", executor.getQueue(), q -> q.size());
    }

    /** Returns false (and publishes nothing) when the queue is full. */
    public boolean publish(ArticleViewed event) {
        try {
            // Carry the request's trace into the publisher thread so the record's traceparent links to it.
            executor.execute(SNAPSHOTS.captureAll().wrap(() -> send(event)));
            return true;
        } catch (RejectedExecutionException full) {
            dropped.increment();
            return false;
        }
    }

    Message<byte[]> toMessage(ArticleViewed event) {
        return CloudEventMessageBuilder.withData(json.writeValueAsBytes(event))
                .setId(event.eventId())
                .setSource(URI.create(SOURCE))
                .setType(TYPE)
                .setSpecVersion("1.0")
                .setTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .setDataContentType(MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(KafkaHeaders.KEY, event.articleId().getBytes(StandardCharsets.UTF_8))
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
    }

    private void send(ArticleViewed event) {
        try {
            if (!bridge.send(BINDING, toMessage(event))) {
                dropped.increment();
            }
        } catch (RuntimeException e) {
            dropped.increment();
            log.warn(
                    "Could not publish view event {}: {}",
                    event.eventId(),
                    e.getClass().getSimpleName());
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Drains the queue on a graceful shutdown: after the web server has stopped taking requests (it stops in a
     * later phase) and before the output binding and its producer are closed (they stop in an earlier phase).
     */
    @Override
    public void stop() {
        running = false;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn(
                        "{} queued views not published before shutdown",
                        executor.getQueue().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
