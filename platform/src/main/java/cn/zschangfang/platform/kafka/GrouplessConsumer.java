package cn.zschangfang.platform.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A Kafka consumer for events every instance must see (a cache to drop, screens to update): no consumer group,
 * since a group would hand each event to one instance only; the subclass assigns the partitions itself, usually
 * from the end, and nothing is committed. It runs on its own daemon thread from start to stop. When following
 * fails, the consumer is closed and a new one follows again after {@link #RETRY} (the subclass is told it
 * reconnected, so it can assume events were missed); stop wakes the consumer and ends the thread.
 */
public abstract class GrouplessConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GrouplessConsumer.class);
    static final Duration RETRY = Duration.ofSeconds(2);

    private final String name;
    private final String brokers;
    private final KafkaClientSecurity security;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile CountDownLatch stopped = new CountDownLatch(0);
    private Thread thread;

    /** @param name the thread's name and what the logs call this consumer */
    protected GrouplessConsumer(String name, String brokers, KafkaClientSecurity security) {
        this.name = name;
        this.brokers = brokers;
        this.security = security;
    }

    /**
     * Assigns and positions {@code consumer}, then polls while {@link #isRunning()}. Throwing ends this consumer
     * and follows again with a new one.
     *
     * @param reconnected false for the first consumer since start, true after a failure (events may be missed)
     */
    protected abstract void follow(KafkaConsumer<String, String> consumer, boolean reconnected)
            throws InterruptedException;

    /** The subclass's settings on top of the common ones (brokers, security, string keys and values, no commits). */
    protected abstract void configure(Properties consumer);

    /** What the log says happens while the broker cannot be followed, e.g. "caches expire by TTL meanwhile". */
    protected String meanwhile() {
        return "reconnecting";
    }

    @Override
    public void start() {
        stopped = new CountDownLatch(1);
        running = true;
        thread = new Thread(this::run, name);
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
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        boolean reconnected = false;
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerProperties())) {
                consumer = c;
                follow(c, reconnected);
            } catch (WakeupException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Kafka's messages name brokers and topics, never a record's content.
                log.warn(
                        "{} cannot follow the broker ({}{}); {}",
                        name,
                        e,
                        e.getCause() == null ? "" : ": " + e.getCause(),
                        meanwhile());
            } finally {
                consumer = null;
            }
            reconnected = true;
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

    private Properties consumerProperties() {
        Properties props = security.applyTo(new Properties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configure(props);
        return props;
    }
}
