package cn.zschangfang.platform.kafka;

import cn.zschangfang.platform.warmup.WarmUp;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.core.env.Environment;

/**
 * Before the service reports ready (see {@link WarmUp}), creates a Kafka producer like its output bindings' (same
 * brokers and security, idempotent), lists the topics with an admin client as the binder's provisioning does, fetches
 * the metadata of the topic its most urgent binding writes when that topic exists, and closes both. It sends nothing
 * and creates no topic. Spring Cloud Stream creates a binding's own producer only at the
 * binding's first send, so without this the first lead after a start also waited for the producer code to load and
 * first compile (in the bench's cold start the first {@code lead.captured} binding took 585 ms from the capture to
 * the broker's ack, 180 ms of it creating the producer). The bindings themselves are not created here: created at
 * start, they would delay the start by the binder's retries while the broker is down, which the outbox is there to
 * ride out.
 */
public class KafkaProducerWarmUp extends WarmUp {

    private final Environment environment;
    private final KafkaClientSecurity security;
    private final String binding;
    private volatile int partitions = -1;

    /** @param binding an output binding name, e.g. {@code leadCaptured-out-0}; its destination is looked up */
    public KafkaProducerWarmUp(Environment environment, KafkaClientSecurity security, String binding) {
        super("kafka producer", environment);
        this.environment = environment;
        this.security = security;
        this.binding = binding;
    }

    /** The topic the binding writes. */
    public String topic() {
        return environment.getProperty("spring.cloud.stream.bindings." + binding + ".destination", binding);
    }

    /** How many partitions the last run saw; -1 before a run that reached the broker. */
    public int partitions() {
        return partitions;
    }

    @Override
    protected String warm(String ownBaseUrl) {
        Properties config = new Properties();
        config.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.getProperty("spring.cloud.stream.kafka.binder.brokers", "127.0.0.1:9092"));
        config.put(
                ProducerConfig.CLIENT_ID_CONFIG,
                environment.getProperty("spring.application.name", "service") + "-warm-up");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // A broker that is down must not hold the start: the metadata wait ends after this long.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        security.applyTo(config);
        // The binder's provisioning asks an admin client first, and a producer's metadata request would create a
        // missing topic with the broker's defaults before the binder provisions it: only a topic that exists is asked.
        boolean exists;
        Admin admin = Admin.create(config);
        try {
            exists = admin.listTopics(new ListTopicsOptions().timeoutMs(2_000))
                    .names()
                    .get(3, TimeUnit.SECONDS)
                    .contains(topic());
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return "broker not reachable (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            // close() alone would wait for the unanswered call's own 60 s timeout while the broker is down.
            admin.close(Duration.ofSeconds(1));
        }
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config);
        try {
            if (!exists) {
                return "producer created; " + topic() + " does not exist yet";
            }
            partitions = producer.partitionsFor(topic()).size();
            return "metadata of " + topic() + ", " + partitions + " partitions";
        } finally {
            producer.close(Duration.ofSeconds(1));
        }
    }
}
