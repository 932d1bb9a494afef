package cn.zschangfang.notify.events;

import cn.zschangfang.platform.kafka.KafkaClientSecurity;
import cn.zschangfang.platform.kafka.KafkaProducerWarmUp;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The warm-up of the producer code {@link EventPublisher}'s bindings use, before the service reports ready. */
@Configuration(proxyBeanMethods = false)
class ProducerWarmUpConfig {

    @Bean
    KafkaProducerWarmUp kafkaProducerWarmUp(Environment environment, KafkaClientSecurity security) {
        return new KafkaProducerWarmUp(
                environment, security, List.of(EventPublisher.LEAD_ROUTED_BINDING, EventPublisher.DELIVERY_BINDING));
    }
}
