package cn.zschangfang.content.cache;

import cn.zschangfang.platform.kafka.GrouplessConsumer;
import cn.zschangfang.platform.kafka.KafkaClientSecurity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
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
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Follows the change topics on every instance: a {@link GrouplessConsumer} with {@code assign()} of every partition,
 * since every instance's cache must drop what changed. It starts at the end (a fresh cache has nothing older to
 * drop). The Kafka client rides out a broker outage by itself and goes on from its position; if the consumer fails
 * anyway it is recreated from the end, and each listener is told that events may have been missed (they drop
 * everything). With Kafka down, reads keep working from MongoDB and the cache, and an edit made meanwhile reaches
 * other instances' readers within the cache TTL (the event is lost: the producer is best effort, see {@link
 * ChangeBroadcast}).
 */
@Component
public class ChangeFeed extends GrouplessConsumer {

    private final List<RemoteChangeListener> listeners;
    private final String brokers;
    private final KafkaClientSecurity security;
    private final boolean enabled;
    private volatile boolean assigned;

    public ChangeFeed(
            List<RemoteChangeListener> listeners,
            Environment env,
            ReadCacheProperties properties,
            KafkaClientSecurity security) {
        super("cache-change-feed", brokers(env), security);
        this.listeners = List.copyOf(listeners);
        this.brokers = brokers(env);
        this.security = security;
        this.enabled = properties.enabled() && !listeners.isEmpty();
    }

    private static String brokers(Environment env) {
        return env.getProperty("spring.cloud.stream.kafka.binder.brokers", "127.0.0.1:9092");
    }

    /** Whether the feed is assigned to its partitions and positioned (tests wait for it before writing). */
    public boolean isFollowing() {
        return assigned;
    }

    @Override
    public void start() {
        if (enabled) {
            super.start();
        }
    }

    @Override
    protected String meanwhile() {
        return "retrying, caches expire by TTL meanwhile";
    }

    @Override
    protected void configure(Properties props) {
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "content-cache-feed-" + Long.toHexString(System.nanoTime()));
    }

    @Override
    protected void follow(KafkaConsumer<String, String> c, boolean reconnected) {
        try {
            followAssigned(c, reconnected);
        } finally {
            assigned = false;
        }
    }

    private void followAssigned(KafkaConsumer<String, String> c, boolean reconnected) {
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
        if (reconnected) {
            listeners.forEach(RemoteChangeListener::onPossiblyMissed);
        }
        Map<String, List<RemoteChangeListener>> byTopic =
                listeners.stream().collect(Collectors.groupingBy(RemoteChangeListener::topic));
        while (isRunning()) {
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
}
