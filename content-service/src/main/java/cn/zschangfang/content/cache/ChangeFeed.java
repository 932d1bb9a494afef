package cn.zschangfang.content.cache;

import cn.zschangfang.platform.kafka.KafkaClientSecurity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Follows the change topics on every instance. A plain consumer with {@code assign()} of every partition and no
 * group: a consumer group would hand each event to one instance only, and every instance's cache must drop it. It
 * starts at the end (a fresh cache has nothing older to drop) and commits nothing. The Kafka client rides out a
 * broker outage by itself and goes on from its position; if the consumer fails anyway it is recreated from the end,
 * and each listener is told that events may have been missed (they drop everything). With Kafka down, reads keep
 * working from MongoDB and the cache, and an edit made meanwhile reaches other instances' readers within the cache
 * TTL (the event is lost: the producer is best effort, see {@link ChangeBroadcast}).
 */
@Component
public class ChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final List<RemoteChangeListener> listeners;
    private final String brokers;
    private final KafkaClientSecurity security;
    private final boolean enabled;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean assigned;
    private Thread thread;

    public ChangeFeed(
            List<RemoteChangeListener> listeners,
            Environment env,
            ReadCacheProperties properties,
            KafkaClientSecurity security) {
        this.listeners = List.copyOf(listeners);
        this.security = security;
        this.brokers = env.getProperty("spring.cloud.stream.kafka.binder.brokers", "127.0.0.1:9092");
        this.enabled = properties.enabled() && !listeners.isEmpty();
    }

    /** Whether the feed is assigned to its partitions and positioned (tests wait for it before writing). */
    public boolean isFollowing() {
        return assigned;
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "cache-change-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        stopped.countDown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        boolean first = true;
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerProperties())) {
                consumer = c;
                follow(c, first);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn(
                        "cache change feed cannot follow the broker ({}{}); retrying, caches expire by TTL meanwhile",
                        e,
                        e.getCause() == null ? "" : ": " + e.getCause());
            } finally {
                assigned = false;
                consumer = null;
            }
            first = false;
            try {
                if (stopped.await(RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void follow(KafkaConsumer<String, String> c, boolean first) {
        ensureTopics();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics()) {
            List<PartitionInfo> found = c.partitionsFor(topic);
            if (found.isEmpty()) {
                // Just created: its metadata has not reached this broker yet.
                throw new IllegalStateException("no partitions of " + topic + " yet");
            }
            for (PartitionInfo p : found) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(c::position); // resolves the end offsets now, before we say we follow
        assigned = true;
        if (!first) {
            listeners.forEach(RemoteChangeListener::onPossiblyMissed);
        }
        Map<String, List<RemoteChangeListener>> byTopic =
                listeners.stream().collect(Collectors.groupingBy(RemoteChangeListener::topic));
        while (running) {
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                for (RemoteChangeListener l : byTopic.getOrDefault(r.topic(), List.of())) {
                    l.onRemoteChange(r.key());
                }
            }
        }
    }

    private List<String> topics() {
        return listeners.stream().map(RemoteChangeListener::topic).distinct().toList();
    }

    /** The producer creates its topic on first send; a reader that starts first creates it (broker defaults). */
    private void ensureTopics() {
        Properties props = security.applyTo(new Properties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        // Kafka refuses an API timeout below the request timeout (30 s by default).
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> wanted = topics().stream()
                    .map(t -> new NewTopic(t, Optional.empty(), Optional.empty()))
                    .toList();
            admin.createTopics(wanted).values().forEach((topic, f) -> {
                try {
                    f.get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create " + topic, e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("creating " + topic + " timed out", e);
                }
            });
        }
    }

    private Properties consumerProperties() {
        Properties props = security.applyTo(new Properties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "content-cache-feed-" + Long.toHexString(System.nanoTime()));
        return props;
    }
}
