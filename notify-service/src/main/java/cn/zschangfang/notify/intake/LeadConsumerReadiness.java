package cn.zschangfang.notify.intake;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Part of the readiness group ({@code leadConsumer}): DOWN until the {@code lead.captured} consumer has joined its
 * group (first partition assignment done). A new consumer group waits for the broker's initial rebalance delay (3 s by default),
 * and a lead published in that window would otherwise wait too; readiness says when leads flow within seconds.
 */
@Component("leadConsumer")
public class LeadConsumerReadiness implements KafkaBindingRebalanceListener, HealthIndicator {

    private final AtomicBoolean assigned = new AtomicBoolean();

    @Override
    public void onPartitionsAssigned(
            String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions, boolean initial) {
        // any completed join counts, even with no partitions: a second instance of a one-partition topic gets none
        if (bindingName.startsWith("leadCaptured")) {
            assigned.set(true);
        }
    }

    @Override
    public Health health() {
        return assigned.get()
                ? Health.up().build()
                : Health.down()
                        .withDetail("lead.captured", "waiting for partition assignment")
                        .build();
    }
}
