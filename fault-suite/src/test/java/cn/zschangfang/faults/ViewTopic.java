package cn.zschangfang.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What content-service really published on {@code content.article-viewed}: per visitor id, the distinct event ids. A
 * view accepted (202) but absent here was lost before the broker; one here but not counted, by the counter.
 */
final class ViewTopic {

    static final String TOPIC = "content.article-viewed";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ViewTopic() {}

    /** Reads the topic from the beginning up to its end at the time of the call (no group: partitions assigned). */
    static Map<String, Set<String>> eventsByVisitor(String brokers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Set<String>> events = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    try {
                        JsonNode event = JSON.readTree(r.value());
                        String visitor = event.path("visitorId").asText("");
                        events.computeIfAbsent(visitor, v -> new HashSet<>())
                                .add(event.path("eventId").asText(""));
                    } catch (IOException e) {
                        // A poison record of another suite: not a view.
                    }
                }
            }
        }
        return events;
    }
}
