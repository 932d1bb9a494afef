package cn.zschangfang.lead.outbox;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.platform.kafka.KafkaClientSecurity;
import cn.zschangfang.platform.kafka.KafkaProducerWarmUp;
import java.util.concurrent.Executor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A small bounded pool for publishing right after the write; when it is full the relay takes over. And the warm-up of
 * the producer code those publishes use, before the service reports ready.
 */
@Configuration(proxyBeanMethods = false)
public class OutboxExecutorConfig {

    @Bean
    Executor outboxExecutor(LeadProperties properties) {
        // Measured with the benchmark: 2 threads left leads waiting 1.6-7 s for their lead.captured at 10-50 leads/s
        // on the loaded 2-core machine (each send waits for the broker's ack); threads cost nothing while waiting.
        int threads = properties.outbox().publisherThreads();
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(10_000);
        executor.setThreadNamePrefix("outbox-");
        // Carries the request's trace into the publish, so the Kafka record's traceparent continues it.
        executor.setTaskDecorator(new ContextPropagatingTaskDecorator());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        return executor;
    }

    @Bean
    KafkaProducerWarmUp kafkaProducerWarmUp(Environment environment, KafkaClientSecurity security) {
        return new KafkaProducerWarmUp(environment, security, OutboxEvents.CAPTURED_BINDING);
    }
}
