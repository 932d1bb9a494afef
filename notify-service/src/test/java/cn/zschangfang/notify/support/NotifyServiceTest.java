package cn.zschangfang.notify.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole service on an embedded KRaft broker with notify's topics, on a random port, with the test secrets
 * ({@link NotifyIntegrationTest#ADMIN} is this admin token), loopback robots allowed and intervals short enough for a
 * test. The shared context of {@link NotifyIntegrationTest} and contexts of their own differ only by what they add.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
            "notify.admin-token=test-admin-token-9f3",
            "notify.ack.signing-secret=test-ack-secret-7c1",
            "notify.webhooks.allow-loopback=true",
            "notify.delivery.sweep-interval=200ms",
            "notify.public-base-url=https://portal.example",
            "notify.ack.check-interval=1h",
            "notify.outbox.interval=1s",
        })
@EmbeddedKafka(topics = {"lead.captured", "lead.status-changed", "lead.routed", "notify.delivery", "lead.captured.dlq"})
public @interface NotifyServiceTest {

    /** This context's properties, on top of the common ones. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};

    /** Partitions of each topic; more than one only where a test is about concurrency across partitions. */
    @AliasFor(annotation = EmbeddedKafka.class)
    int partitions() default 1;
}
