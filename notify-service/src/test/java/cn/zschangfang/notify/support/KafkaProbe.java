package cn.zschangfang.notify.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes raw records on the real test broker. */
public final class KafkaProbe {

    private KafkaProbe() {}

    /** Publishes like lead-service does: JSON value, key, CloudEvents binary headers. */
    public static void send(String brokers, String topic, String key, String json, String eventId) {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class);
        try (var producer = new KafkaProducer<String, String>(props)) {
            var record = new ProducerRecord<>(topic, key, json);
            record.headers().add(new RecordHeader("ce_id", eventId.getBytes(StandardCharsets.UTF_8)));
            record.headers().add(new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8)));
            record.headers()
                    .add(new RecordHeader(
                            "ce_source", "urn:zschangfang:lead-service".getBytes(StandardCharsets.UTF_8)));
            record.headers()
                    .add(new RecordHeader(
                            "ce_type", ("cn.zschangfang." + topic + ".v1").getBytes(StandardCharsets.UTF_8)));
            record.headers().add(new RecordHeader("contentType", "application/json".getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** All records of a topic (from the beginning) matching {@code filter}, polling until {@code min} or timeout. */
    public static List<ConsumerRecord<String, String>> read(
            String brokers, String topic, Predicate<ConsumerRecord<String, String>> filter, int min, Duration timeout) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            consumer.subscribe(List.of(topic));
            Instant end = Instant.now().plus(timeout);
            while (Instant.now().isBefore(end) && out.size() < min) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(r)) {
                        out.add(r);
                    }
                }
            }
            // a short extra poll so that "exactly n" assertions see extra records too
            Instant settle = Instant.now().plus(Duration.ofMillis(500));
            while (Instant.now().isBefore(settle)) {
                for (var r : consumer.poll(Duration.ofMillis(100))) {
                    if (filter.test(r)) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
