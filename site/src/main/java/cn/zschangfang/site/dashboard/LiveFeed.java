package cn.zschangfang.site.dashboard;

import cn.zschangfang.platform.kafka.GrouplessConsumer;
import cn.zschangfang.platform.kafka.KafkaClientSecurity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's own Kafka consumer. Every site instance must see every event (each one pushes to the screens
 * connected to it), so it is a {@link GrouplessConsumer}: the partitions are assigned manually, reading starts at
 * the end (history comes from the stats APIs), nothing is committed. Partitions that appear later (a topic created
 * after start, or grown) are picked up on the next metadata check and read from their beginning.
 */
public class LiveFeed extends GrouplessConsumer {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    static final List<String> TOPICS =
            List.of("content.article-viewed", "lead.captured", "lead.status-changed", "notify.delivery");
    private static final Duration METADATA_CHECK = Duration.ofSeconds(10);

    private final LiveAggregates aggregates;
    private final Consumer<String> changed;
    private final JsonMapper json = JsonMapper.builder().build();

    /** @param changed called with the topic after an event changed the figures */
    public LiveFeed(String brokers, KafkaClientSecurity security, LiveAggregates aggregates, Consumer<String> changed) {
        super("dashboard-live-feed", brokers, security);
        this.aggregates = aggregates;
        this.changed = changed;
    }

    @Override
    protected void configure(Properties p) {
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "site-dashboard");
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "5000");
    }

    @Override
    protected void follow(KafkaConsumer<String, String> c, boolean reconnected) throws InterruptedException {
        // Each consumer starts at the end, a reconnected one too: the figures missed meanwhile are not replayed.
        Set<TopicPartition> assigned = new HashSet<>();
        long nextCheck = 0;
        boolean first = true;
        while (isRunning()) {
            if (System.currentTimeMillis() >= nextCheck) {
                assign(c, assigned, first);
                first = false;
                nextCheck = System.currentTimeMillis() + METADATA_CHECK.toMillis();
            }
            if (assigned.isEmpty()) {
                Thread.sleep(500); // no topic exists yet: nothing to poll
                continue;
            }
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                handle(r.topic(), r.value());
            }
        }
    }

    private void assign(KafkaConsumer<String, String> c, Set<TopicPartition> assigned, boolean first) {
        Set<TopicPartition> all = new HashSet<>();
        for (String topic : TOPICS) {
            List<PartitionInfo> parts = c.partitionsFor(topic, Duration.ofSeconds(3));
            if (parts != null) {
                parts.forEach(pi -> all.add(new TopicPartition(pi.topic(), pi.partition())));
            }
        }
        if (all.equals(assigned)) {
            return;
        }
        List<TopicPartition> added = new ArrayList<>(all);
        added.removeAll(assigned);
        c.assign(all);
        // at start, read from the end (history comes from the stats APIs); a partition that appears later is new,
        // so it is read from its beginning: its first events are the ones that created it
        if (!added.isEmpty()) {
            if (first) {
                Map<TopicPartition, Long> ends = c.endOffsets(added);
                ends.forEach(c::seek);
            } else {
                c.seekToBeginning(added);
            }
        }
        assigned.clear();
        assigned.addAll(all);
    }

    void handle(String topic, String value) {
        if (value == null) {
            return;
        }
        try {
            boolean changedFigures = switch (topic) {
                case "content.article-viewed" ->
                    aggregates.onView(json.readValue(value, LiveEvents.ArticleViewed.class));
                case "lead.captured" -> aggregates.onLead(json.readValue(value, LiveEvents.LeadCaptured.class));
                case "lead.status-changed" ->
                    aggregates.onStatus(json.readValue(value, LiveEvents.StatusChanged.class));
                case "notify.delivery" -> aggregates.onDelivery(json.readValue(value, LiveEvents.Delivery.class));
                default -> false;
            };
            if (changedFigures) {
                changed.accept(topic);
            }
        } catch (RuntimeException e) {
            log.warn("unreadable {} event skipped ({})", topic, e.getClass().getSimpleName());
        }
    }
}
