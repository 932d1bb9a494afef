package cn.zschangfang.notify.intake;

import cn.zschangfang.platform.kafka.KafkaClientSecurity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Replays {@code lead.captured.dlq} into {@code lead.captured} (admin endpoint). Progress is the committed offset of
 * consumer group {@code notify-dlq-replay}: a record is committed only after the broker acknowledged its copy, so a
 * crash mid-replay replays it again (harmless: intake is idempotent). Also reports the DLQ backlog as a gauge.
 */
@Service
public class DlqReplay {

    private static final Logger log = LoggerFactory.getLogger(DlqReplay.class);
    static final String DLQ = "lead.captured.dlq";
    static final String TOPIC = "lead.captured";
    static final String GROUP = "notify-dlq-replay";

    private final String brokers;
    private final KafkaClientSecurity security;
    private final AtomicLong backlog = new AtomicLong();

    public DlqReplay(
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            MeterRegistry registry,
            KafkaClientSecurity security) {
        this.brokers = brokers;
        this.security = security;
        Gauge.builder("notify.dlq.size", backlog, AtomicLong::get)
                .description("lead.captured.dlq records not yet replayed")
                .register(registry);
    }

    /** Result of one replay run. */
    public record Result(int replayed) {}

    public synchronized Result replay(int max) {
        Properties c = security.applyTo(new Properties());
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Properties p = security.applyTo(new Properties());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        int replayed = 0;
        try (var consumer = new KafkaConsumer<byte[], byte[]>(c);
                var producer = new KafkaProducer<byte[], byte[]>(p)) {
            consumer.subscribe(List.of(DLQ));
            int emptyPolls = 0;
            while (replayed < max && emptyPolls < 3) {
                var records = consumer.poll(Duration.ofMillis(1000));
                if (records.isEmpty()) {
                    emptyPolls++;
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    List<Header> headers = new ArrayList<>();
                    for (Header h : r.headers()) {
                        if (!h.key().startsWith("x-")) { // drop the binder's exception headers
                            headers.add(h);
                        }
                    }
                    producer.send(new ProducerRecord<>(TOPIC, null, r.key(), r.value(), headers))
                            .get();
                    consumer.commitSync(Map.of(
                            new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1)));
                    replayed++;
                    if (replayed >= max) {
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.warn("DLQ replay stopped: broker did not acknowledge a replayed record");
        }
        log.info("replayed {} records from {}", replayed, DLQ);
        measure();
        return new Result(replayed);
    }

    /** DLQ records not yet replayed = end offsets - committed offsets of the replay group. */
    @Scheduled(fixedDelayString = "${notify.dlq.measure-interval:60s}", initialDelayString = "20s")
    public void measure() {
        Properties a = security.applyTo(new Properties());
        a.put("bootstrap.servers", brokers);
        a.put("request.timeout.ms", "5000");
        a.put("default.api.timeout.ms", "5000");
        try (Admin admin = Admin.create(a)) {
            var description =
                    admin.describeTopics(List.of(DLQ)).allTopicNames().get().get(DLQ);
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            description
                    .partitions()
                    .forEach(pi -> latest.put(new TopicPartition(DLQ, pi.partition()), OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            var committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            long total = 0;
            for (var e : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(e.getKey());
                total += e.getValue().offset() - (done == null ? 0 : done.offset());
            }
            backlog.set(total);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the DLQ topic does not exist until the first failure: nothing waiting
            backlog.set(0);
        }
    }
}
