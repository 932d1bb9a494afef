package cn.zschangfang.platform.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** {@link KafkaClientSecurity} for the clients a service builds itself; its choice logged once at start. */
@AutoConfiguration
@ConditionalOnClass(name = KafkaSecurityEnvironmentPostProcessor.KAFKA_CLIENT)
public class KafkaSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaSecurityAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    KafkaClientSecurity kafkaClientSecurity(Environment environment) {
        KafkaClientSecurity security = KafkaClientSecurity.from(environment::getProperty);
        log.info("kafka clients: {}", security.summary());
        return security;
    }
}
