package cn.zschangfang.content.view;

import cn.zschangfang.content.config.ContentProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The counter's input binding {@code articleViewCounter-in-0} (group {@code content-view-counter}, batch mode,
 * manual acknowledgement). Offsets are acknowledged only after the batch is counted; when counting fails the batch is
 * negatively acknowledged, which re-seeks every partition of the batch so the same records come again after a
 * back-off, for ever (never skipped, unlike the default error handler that gives up after ten tries; and the binder
 * would route a thrown exception to its error channel and commit). Raw bytes are parsed here, so one malformed
 * record is skipped and counted instead of blocking the partition.
 */
@Configuration
public class ViewCounterBinding {

    private static final Logger log = LoggerFactory.getLogger(ViewCounterBinding.class);

    @Bean
    public Consumer<Message<Object>> articleViewCounter(
            ViewCounter counter, JsonMapper json, ObjectProvider<BatchCommitHook> hook, ContentProperties properties) {
        AtomicInteger failures = new AtomicInteger();
        Duration initial = properties.views().counterRetryInitial();
        Duration max = properties.views().counterRetryMax();
        return message -> {
            Acknowledgment ack = message.getHeaders().get(KafkaHeaders.ACKNOWLEDGMENT, Acknowledgment.class);
            List<ViewedRecord> batch = parse(json, message.getPayload());
            try {
                counter.count(batch);
                hook.ifAvailable(h -> h.afterCounted(batch));
            } catch (RuntimeException e) {
                int n = failures.incrementAndGet();
                long backOff = Math.min(max.toMillis(), initial.toMillis() << Math.min(n - 1, 16));
                log.warn(
                        "Counting a batch of {} views failed ({}); it will be delivered again in {} ms",
                        batch.size(),
                        e.getClass().getSimpleName(),
                        backOff);
                if (ack == null) {
                    throw e;
                }
                ack.nack(0, Duration.ofMillis(backOff)); // batch form: re-seek from the first record
                return;
            }
            failures.set(0);
            if (ack != null) {
                ack.acknowledge();
            }
        };
    }

    /**
     * The payload is declared {@code Object} so the binder hands over the raw batch ({@code List<byte[]>}) together
     * with the {@code kafka_acknowledgment} header, without attempting a conversion of its own.
     */
    private static List<ViewedRecord> parse(JsonMapper json, Object payload) {
        List<?> payloads = payload instanceof List<?> list ? list : List.of(payload);
        List<ViewedRecord> batch = new ArrayList<>(payloads.size());
        for (Object item : payloads) {
            try {
                if (item instanceof byte[] bytes) {
                    batch.add(json.readValue(bytes, ViewedRecord.class));
                } else if (item instanceof String text) {
                    batch.add(json.readValue(text, ViewedRecord.class));
                } else {
                    batch.add(null);
                }
            } catch (JacksonException malformed) {
                log.warn("Skipping a malformed record on content.article-viewed");
                batch.add(null);
            }
        }
        return batch;
    }
}
