package cn.zschangfang.lead;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The embedded KRaft broker a lead-service test context runs on: the topics the service reads and writes, one
 * partition each (events keyed by one lead are consumed in the order sent). The context points its binder at it with
 * {@code spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}}: not through
 * {@code bootstrapServersProperty}, which sets the binder's property as a system property of the whole test JVM, where
 * it outranks the command-line brokers of the contexts {@code OutboxRecoveryIT} starts later.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EmbeddedKafka(
        partitions = 1,
        topics = {"lead.captured", "lead.status-changed", "content.article-viewed", "lead.routed", "notify.delivery"})
public @interface LeadKafka {}
