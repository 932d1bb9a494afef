package cn.zschangfang.platform.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Hands {@link KafkaClientSecurity}'s settings to the Spring Cloud Stream Kafka binder (its producers, consumers and
 * the admin client that provisions topics) and to Spring Boot's Kafka properties, once for every service, before
 * anything connects. Lowest precedence: a service that sets one of these keys itself keeps its value.
 */
public class KafkaSecurityEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE = "platformKafkaSecurity";
    static final String KAFKA_CLIENT = "org.apache.kafka.clients.CommonClientConfigs";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // The gateway has no Kafka client: the shared platform-config (KAFKA_SECURITY_PROTOCOL=SASL_SSL without the
        // JAAS line, which only Kafka's users get) must not stop it.
        if (!ClassUtils.isPresent(KAFKA_CLIENT, application.getClassLoader())) {
            return;
        }
        Map<String, String> client =
                KafkaClientSecurity.from(environment::getProperty).properties();
        if (client.isEmpty()) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        client.forEach((key, value) -> {
            properties.put("spring.cloud.stream.kafka.binder.configuration." + key, value);
            properties.put("spring.kafka.properties." + key, value);
        });
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, properties));
    }
}
