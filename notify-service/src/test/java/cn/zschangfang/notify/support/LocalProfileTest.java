package cn.zschangfang.notify.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service as {@code ./run.sh} starts it: profile {@code local} and nothing else configured but the
 * embedded broker, with the topics the local stack gives notify.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
@ActiveProfiles("local")
@EmbeddedKafka(
        partitions = 1,
        topics = {"lead.captured", "lead.routed", "notify.delivery"})
public @interface LocalProfileTest {

    @AliasFor(annotation = SpringBootTest.class)
    SpringBootTest.WebEnvironment webEnvironment();
}
