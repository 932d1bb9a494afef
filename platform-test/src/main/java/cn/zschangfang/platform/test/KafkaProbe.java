package cn.zschangfang.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads what was really written to a topic of a real broker, and writes raw test records to it. */
public final class KafkaProbe {

    /** How long reading goes on after the expected count, so that "exactly n" also sees a late duplicate. */
    private static final Duration SETTLE = Duration.ofSeconds(1);

    private KafkaProbe() {}

    /** Records of the topic (from the beginning) matching {@code filter}, polled until {@code atLeast} or {@code max}. */
    public static List<ConsumerRecord<String, String>> read(
            String brokers, String topic, Predicate<ConsumerRecord<String, String>> filter, int atLeast, Duration max) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + max.toNanos();
            while (System.nanoTime() < deadline && found.size() < atLeast) {
                poll(consumer, filter, found);
            }
            long settle = System.nanoTime() + SETTLE.toNanos();
            while (System.nanoTime() < settle) {
                poll(consumer, filter, found);
            }
        }
        return found;
    }

    private static void poll(
            KafkaConsumer<String, String> consumer,
            Predicate<ConsumerRecord<String, String>> filter,
            List<ConsumerRecord<String, String>> found) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            if (filter.test(record)) {
                found.add(record);
            }
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A JSON record with only a {@code contentType} header (what a poison or foreign producer would send). */
    public static void send(String brokers, String topic, String key, String json) {
        send(brokers, topic, key, json, Map.of());
    }

    /**
     * A JSON record as lead-service publishes it: key, value and the CloudEvents binary headers ({@code ce_id},
     * {@code ce_type} {@code cn.zschangfang.<topic>.v1}, …).
     */
    public static void send(String brokers, String topic, String key, String json, String eventId) {
        send(
                brokers,
                topic,
                key,
                json,
                Map.of(
                        "ce_id",
                        eventId,
                        "ce_specversion",
                        "1.0",
                        "ce_source",
                        "urn:zschangfang:lead-service",
                        "ce_type",
                        "cn.zschangfang." + topic + ".v1"));
    }

    public static void send(String brokers, String topic, String key, String json, Map<String, String> headers) {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            record.headers().add("contentType", "application/json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
