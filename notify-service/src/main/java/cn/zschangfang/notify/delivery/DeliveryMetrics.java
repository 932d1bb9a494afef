package cn.zschangfang.notify.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Delivery metrics: time to first delivery and to acknowledgement, outcomes per channel, retries, escalations. */
@Component
public class DeliveryMetrics {

    private final MeterRegistry registry;
    private final Timer timeToFirstDelivery;
    private final Timer timeToAcknowledge;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.timeToFirstDelivery = Timer.builder("notify.lead.time.to.first.delivery")
                .description("From lead.captured (receivedAt) to the first successful delivery of the lead")
                .publishPercentiles(0.5, 0.9, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        // A histogram rather than client-side percentiles only: the dashboard's p50/p90/p99 must aggregate over
        // instances, and an acknowledgement takes minutes, not milliseconds, hence the wider range.
        this.timeToAcknowledge = Timer.builder("notify.lead.time.to.acknowledge")
                .description("From lead.captured (receivedAt) to the first reaction of an agent (one-tap link, claim "
                        + "from the shared pool, or a status change in the agent inbox)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofHours(4))
                .register(registry);
    }

    public void acknowledged(Duration sinceReceived) {
        timeToAcknowledge.record(sinceReceived.isNegative() ? Duration.ZERO : sinceReceived);
    }

    public void firstDelivery(Duration latency) {
        timeToFirstDelivery.record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public void outcome(String channel, String outcome) {
        Counter.builder("notify.deliveries")
                .description("Delivery attempts by channel and outcome")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void retry(String channel) {
        Counter.builder("notify.delivery.retries")
                .tag("channel", channel)
                .register(registry)
                .increment();
    }

    public void escalation(String kind) {
        Counter.builder("notify.escalations")
                .tag("kind", kind)
                .register(registry)
                .increment();
    }
}
