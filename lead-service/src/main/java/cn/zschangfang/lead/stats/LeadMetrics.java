package cn.zschangfang.lead.stats;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters: {@code leads.accepted} (by channel, town and property type: each a closed set, the town being
 * validated against the list of Zhongshan's towns, so the series stay bounded), {@code leads.rejected} (by reason), {@code
 * leads.duplicates}, and the outbox gauges {@code leads.outbox.backlog} / {@code leads.outbox.oldest.age} (seconds),
 * refreshed by a schedule so a Prometheus scrape never queries MongoDB.
 */
@Component
public class LeadMetrics {

    private final MeterRegistry registry;
    private final LeadStore store;
    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    public LeadMetrics(MeterRegistry registry, LeadStore store, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.clock = clock;
        Gauge.builder("leads.outbox.backlog", backlog, AtomicLong::get)
                .description("Leads with events not yet acknowledged by the broker")
                .register(registry);
        Gauge.builder("leads.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get)
                .description("Age in seconds of the oldest unpublished event")
                .baseUnit("seconds")
                .register(registry);
    }

    public void accepted(String channel, String town, String propertyType) {
        Counter.builder("leads.accepted")
                .description("New leads stored (duplicates merged into an earlier lead are not counted)")
                .tag("channel", channel)
                // a null tag value would throw and fail the capture after the lead is stored
                .tag("town", Objects.requireNonNullElse(town, "none"))
                .tag("type", Objects.requireNonNullElse(propertyType, "none"))
                .register(registry)
                .increment();
    }

    public void rejected(String reason) {
        Counter.builder("leads.rejected")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    public void duplicate() {
        Counter.builder("leads.duplicates").register(registry).increment();
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${lead.metrics.outbox-refresh:PT10S}")
    public void refreshOutboxGauges() {
        backlog.set(store.countWithPendingEvents());
        List<Lead> oldest = store.withPendingEvents(50);
        long age = oldest.stream()
                .flatMap(l -> l.pendingEvents().stream())
                .map(e -> Duration.between(e.occurredAt(), clock.instant()).toSeconds())
                .max(Long::compare)
                .orElse(0L);
        oldestAgeSeconds.set(age);
    }
}
