package cn.zschangfang.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of the running broker without joining any group: end offsets now, and the records since then. */
final class Topics implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    Topics(String brokers) {
        Properties p = new Properties();
        p.put("bootstrap.servers", brokers);
        p.put("enable.auto.commit", "false");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("max.poll.records", "5000");
        consumer = new KafkaConsumer<>(p);
    }

    Map<TopicPartition, Long> endOffsets(String topic) {
        List<TopicPartition> parts = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
            parts.add(new TopicPartition(topic, info.partition()));
        }
        return new HashMap<>(consumer.endOffsets(parts, Duration.ofSeconds(10)));
    }

    /** Every record from {@code from} up to the end offsets as they are now. */
    List<ConsumerRecord<String, String>> since(Map<TopicPartition, Long> from) {
        Map<TopicPartition, Long> to = consumer.endOffsets(from.keySet(), Duration.ofSeconds(10));
        consumer.assign(from.keySet());
        from.forEach(consumer::seek);
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !reached(to)) {
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }

    private boolean reached(Map<TopicPartition, Long> to) {
        for (var e : to.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Mean size (key + value + headers) of the last records of a topic, or -1 when it has none. */
    int meanRecordSize(String topic, int last) {
        Map<TopicPartition, Long> end = endOffsets(topic);
        Map<TopicPartition, Long> from = new HashMap<>();
        end.forEach((tp, off) -> from.put(tp, Math.max(0, off - last)));
        List<ConsumerRecord<String, String>> records = since(from);
        if (records.isEmpty()) {
            return -1;
        }
        long bytes = 0;
        for (ConsumerRecord<String, String> r : records) {
            bytes += Math.max(0, r.serializedKeySize()) + Math.max(0, r.serializedValueSize());
            for (Header h : r.headers()) {
                bytes += h.key().length() + (h.value() == null ? 0 : h.value().length);
            }
        }
        return (int) (bytes / records.size());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
