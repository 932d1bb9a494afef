package cn.zschangfang.notify.events;

import cn.zschangfang.platform.kafka.KafkaClientSecurity;
import cn.zschangfang.platform.kafka.KafkaProducerWarmUp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The warm-up of the producer code {@link EventPublisher}'s bindings use, before the service reports ready. */
@Configuration(proxyBeanMethods = false)
class ProducerWarmUpConfig {

    @Bean
    KafkaProducerWarmUp kafkaProducerWarmUp(Environment environment, KafkaClientSecurity security) {
        // lead.routed is sent while a new lead is routed; notify.delivery only after the robot answered.
        return new KafkaProducerWarmUp(environment, security, EventPublisher.LEAD_ROUTED_BINDING);
    }
}
