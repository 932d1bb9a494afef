package cn.zschangfang.content.view;

import cn.zschangfang.content.config.ContentProperties;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
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
 * Publishes counted views to {@code content.article-viewed} off the request thread, losing none: the beacon stores
 * the view in the {@link ViewOutbox} (MongoDB) and hands it to one publisher thread; the thread sends it on the
 * synchronous binding (returns after the broker's acks=all acknowledgement), retries a failed send for ever with
 * back-off, and removes the view from the outbox only once acknowledged. Views a dead process left in the outbox are
 * picked up by the relay (every {@code relayInterval}, those stored more than {@code relayMinAge} ago). At most
 * {@code publishQueueCapacity} views wait per instance; beyond that {@link #accept} refuses (the beacon answers 503)
 * instead of taking a view it could not keep. A view may be sent twice (a crash after the ack, a sibling's relay):
 * same {@code eventId}, and every consumer drops repeats.
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
    private static final int BATCH = 200;

    /** A view waiting for the broker, with the request's trace so the record's traceparent links to it. */
    private record Queued(ArticleViewed event, ContextSnapshot trace) {}

    private final StreamBridge bridge;
    private final JsonMapper json;
    private final ViewOutbox outbox;
    private final Clock clock;
    private final int capacity;
    private final ViewOutboxProperties relay;
    private final LinkedBlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    /** Event ids this instance holds (queued, in flight, or sent but not yet removed from the outbox). */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    private final Counter rejected;
    private final Counter retries;
    private final Counter relayed;
    private volatile boolean running;
    /** Set when a shutdown gives up on views the broker has not taken: they stay in the outbox. */
    private volatile boolean abandon;

    private volatile Thread thread;
    private long lastRelay;

    public ViewPublisher(
            StreamBridge bridge,
            JsonMapper json,
            ViewOutbox outbox,
            ContentProperties properties,
            ViewOutboxProperties relay,
            Clock clock,
            MeterRegistry meters) {
        this.bridge = bridge;
        this.json = json;
        this.outbox = outbox;
        this.clock = clock;
        this.capacity = properties.views().publishQueueCapacity();
        this.relay = relay;
        this.rejected = ViewMeters.counter(
                meters,
                "content.views.rejected",
                "Views refused with 503 because too many were waiting for the broker");
        this.retries = ViewMeters.counter(
                meters,
                "content.views.publish.retries",
                "Failed sends of a view to the broker (each is retried until acknowledged)");
        this.relayed = ViewMeters.counter(
                meters,
                "content.views.publish.relayed",
                "Views picked up from the outbox that an earlier process left unpublished");
        meters.gauge("content.views.publish.pending", pending, Set::size);
    }

    /**
     * Takes a counted view durably: true once it is stored in the outbox (it will reach the broker); false when too
     * many views are waiting (nothing stored). Throws when MongoDB cannot store it (nothing stored either).
     */
    public boolean accept(ArticleViewed event) {
        if (pending.size() >= capacity) {
            rejected.increment();
            return false;
        }
        outbox.store(event, clock.instant());
        pending.add(event.eventId());
        queue.add(new Queued(event, SNAPSHOTS.captureAll()));
        return true;
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

    private void run() {
        List<String> acknowledged = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                relayIfDue();
                Queued first = queue.poll(200, TimeUnit.MILLISECONDS);
                List<Queued> batch = new ArrayList<>();
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                for (Queued q : batch) {
                    sendUntilAcknowledged(q);
                    acknowledged.add(q.event().eventId());
                }
                removeFromOutbox(acknowledged);
            } catch (InterruptedException e) {
                if (abandon) {
                    break;
                }
            }
        }
        removeFromOutbox(acknowledged);
    }

    /** Blocks this thread (never a request thread) until the broker has the view; back-off up to 5 s between tries. */
    private void sendUntilAcknowledged(Queued q) throws InterruptedException {
        long backOff = 100;
        while (true) {
            try (ContextSnapshot.Scope scope = q.trace().setThreadLocals()) {
                if (bridge.send(BINDING, toMessage(q.event()))) {
                    return;
                }
            } catch (RuntimeException e) {
                log.warn(
                        "Could not publish view event {} ({}); retrying in {} ms",
                        q.event().eventId(),
                        e.getClass().getSimpleName(),
                        backOff);
            }
            retries.increment();
            if (abandon) {
                throw new InterruptedException();
            }
            Thread.sleep(backOff);
            backOff = Math.min(5_000, backOff * 2);
        }
    }

    /** Acknowledged views leave the outbox; if MongoDB is down they stay listed and are removed on a later pass. */
    private void removeFromOutbox(List<String> acknowledged) {
        if (acknowledged.isEmpty()) {
            return;
        }
        try {
            outbox.remove(acknowledged);
            acknowledged.forEach(pending::remove);
            acknowledged.clear();
        } catch (RuntimeException e) {
            log.warn(
                    "Could not remove {} published views from the outbox ({}); will retry",
                    acknowledged.size(),
                    e.getClass().getSimpleName());
        }
    }

    /** Queues views of a process that died before publishing them (and not held by this instance). */
    private void relayIfDue() {
        long now = System.nanoTime();
        if (lastRelay != 0 && now - lastRelay < relay.relayInterval().toNanos()) {
            return;
        }
        lastRelay = now;
        try {
            Duration minAge = relay.relayMinAge();
            int found = 0;
            for (ArticleViewed e : outbox.storedBefore(clock.instant().minus(minAge), 1_000)) {
                if (pending.size() < capacity && pending.add(e.eventId())) {
                    queue.add(new Queued(e, SNAPSHOTS.captureAll()));
                    found++;
                }
            }
            if (found > 0) {
                relayed.increment(found);
                log.info("Relaying {} views left unpublished in the outbox", found);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Outbox relay could not read the outbox ({}); will retry",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        running = true;
        Thread t = new Thread(this::run, "view-publisher");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /**
     * Drains the queue on a graceful shutdown, after the web server has stopped taking requests (it stops in a later
     * phase) and before the output binding closes (an earlier phase). What is still waiting after 10 s stays in the
     * outbox and is published by the next start's relay.
     */
    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t == null) {
            return;
        }
        try {
            t.join(10_000);
            if (t.isAlive()) {
                abandon = true;
                t.interrupt();
                t.join(2_000);
                log.warn("{} views left in the outbox for the next start to publish", pending.size());
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
