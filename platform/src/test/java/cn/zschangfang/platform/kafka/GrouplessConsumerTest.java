package cn.zschangfang.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/** The life cycle without a broker: the subclass's follow is scripted, the consumer is never asked to connect. */
class GrouplessConsumerTest {

    static final class Scripted extends GrouplessConsumer {
        final List<Boolean> reconnected = new CopyOnWriteArrayList<>();
        final List<Object> groupIds = new CopyOnWriteArrayList<>();

        Scripted() {
            super("scripted-feed", "127.0.0.1:1", KafkaClientSecurity.from(name -> null));
        }

        @Override
        protected void configure(Properties consumer) {
            groupIds.add(String.valueOf(consumer.get(ConsumerConfig.GROUP_ID_CONFIG)));
            consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "scripted");
        }

        @Override
        protected void follow(KafkaConsumer<String, String> consumer, boolean reconnected) throws InterruptedException {
            this.reconnected.add(reconnected);
            if (this.reconnected.size() == 1) {
                throw new IllegalStateException("broker gone");
            }
            while (isRunning()) {
                Thread.sleep(10);
            }
        }
    }

    @Test
    void aFailedConsumerIsReplacedAfterTheRetryDelayAndToldItReconnected() {
        Scripted feed = new Scripted();
        long started = System.nanoTime();
        feed.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> feed.reconnected.size() == 2);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(GrouplessConsumer.RETRY);
            assertThat(feed.reconnected).containsExactly(false, true);
            assertThat(feed.groupIds).containsOnly("null");
        } finally {
            feed.stop();
        }
        assertThat(feed.isRunning()).isFalse();
    }

    @Test
    void stopEndsTheThreadWhileItWaitsToRetry() throws InterruptedException {
        Scripted feed = new Scripted();
        feed.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.reconnected.size() == 1);
        long before = System.nanoTime();
        feed.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(GrouplessConsumer.RETRY);
        Thread.sleep(GrouplessConsumer.RETRY.toMillis() + 500);
        assertThat(feed.reconnected).hasSize(1);
    }
}
