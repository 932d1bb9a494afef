package cn.zschangfang.notify.delivery;

import cn.zschangfang.notify.channel.Purpose;
import cn.zschangfang.notify.channel.SendResult;
import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.notify.events.EventPublisher;
import cn.zschangfang.notify.events.NotifyDeliveryEvent;
import cn.zschangfang.notify.routing.LeadCase;
import cn.zschangfang.notify.routing.LeadCases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The outcome state machine: what a channel's answer means for each delivery a message carried. SENT is final;
 * TRANSIENT retries with back-off up to {@code max-attempts}, then fails; RATE_LIMITED waits about a minute;
 * PERMANENT and UNKNOWN fail, and a failed delivery is followed by the agent's next channel or else the duty
 * manager (returned as planned delivery keys for the dispatcher to send).
 */
@Component
class DeliveryOutcomes {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);

    private final DeliveryStore store;
    private final DeliveryPlanner planner;
    private final EventPublisher events;
    private final DeliveryMetrics metrics;
    private final LeadCases leadCases;
    private final NotifyProperties properties;
    private final Clock clock;

    DeliveryOutcomes(
            DeliveryStore store,
            DeliveryPlanner planner,
            EventPublisher events,
            DeliveryMetrics metrics,
            LeadCases leadCases,
            NotifyProperties properties,
            Clock clock) {
        this.store = store;
        this.planner = planner;
        this.events = events;
        this.metrics = metrics;
        this.leadCases = leadCases;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return keys of deliveries planned because one failed (next channel, duty manager), to be dispatched */
    List<String> record(List<Delivery> batch, SendResult result, boolean digest) {
        return record(batch, result, digest, Map.of());
    }

    /**
     * Writes every delivery's outcome first, then the per-lead bookkeeping and events: a digest's deliveries stay
     * claimed until their outcome is written, and awaiting one event's broker ack per delivery before writing the
     * next outcome let a slow broker hold the tail of a digest past its lease, and the sweep sent it again.
     *
     * @param cases lead cases the caller has read, by lead id (spares re-reading them for the latency)
     */
    List<String> record(List<Delivery> batch, SendResult result, boolean digest, Map<String, LeadCase> cases) {
        if (result.outcome() == SendResult.Outcome.SENT) {
            Instant now = clock.instant();
            store.markSent(batch, result.code(), digest, now);
            for (Delivery d : batch) {
                metrics.outcome(d.channel().name(), result.outcome().name());
                // a listing digest has no lead id (and Map.of() refuses a null key)
                sent(d, digest ? Purpose.DIGEST : d.purpose(), now, d.leadId() == null ? null : cases.get(d.leadId()));
            }
            return List.of();
        }
        List<String> followUps = new ArrayList<>();
        List<Runnable> events = new ArrayList<>();
        for (Delivery d : batch) {
            Purpose purpose = digest ? Purpose.DIGEST : d.purpose();
            metrics.outcome(d.channel().name(), result.outcome().name());
            switch (result.outcome()) {
                case TRANSIENT -> {
                    if (d.attempt() >= properties.delivery().maxAttempts()) {
                        fail(d, purpose, DeliveryStatus.FAILED, result.code(), events)
                                .ifPresent(followUps::add);
                    } else {
                        retryLater(d, purpose, backoff(d.attempt()), result.code(), events);
                    }
                }
                case RATE_LIMITED -> {
                    Duration wait = properties.delivery().rateLimitedBackoff();
                    retryLater(
                            d,
                            purpose,
                            wait.plusMillis(ThreadLocalRandom.current().nextLong(0, 1 + wait.toMillis() / 10)),
                            result.code(),
                            events);
                }
                case PERMANENT ->
                    fail(d, purpose, DeliveryStatus.FAILED, result.code(), events)
                            .ifPresent(followUps::add);
                case UNKNOWN ->
                    fail(d, purpose, DeliveryStatus.UNKNOWN, result.code(), events)
                            .ifPresent(followUps::add);
            }
        }
        events.forEach(Runnable::run);
        return followUps;
    }

    /** What follows a SENT outcome already written: the log line, the lead's first delivery, the event. */
    private void sent(Delivery d, Purpose purpose, Instant now, LeadCase known) {
        if (d.matchId() != null) {
            log.info(
                    "listing match {} ({} leads) delivered to agent {} via {} (attempt {})",
                    d.matchId(),
                    d.listingMatch() == null ? 0 : d.listingMatch().leadIds().size(),
                    d.agentId(),
                    d.channel(),
                    d.attempt());
            publish(d, purpose, "SENT", 0);
            return;
        }
        LeadCase lc = known != null ? known : leadCases.find(d.leadId());
        long latency = lc == null || lc.lead().capturedAt() == null
                ? 0
                : Math.max(0, Duration.between(lc.lead().capturedAt(), now).toMillis());
        // Ids only: the operator follows a lead from capture to the agent's phone by traceId and leadId.
        log.info(
                "lead {} delivered to agent {} via {} ({}, attempt {}, {} ms after capture)",
                d.leadId(),
                d.agentId(),
                d.channel(),
                purpose,
                d.attempt(),
                latency);
        if (leadCases.firstDelivered(d.leadId(), now)) {
            metrics.firstDelivery(Duration.ofMillis(latency));
        }
        publish(d, purpose, "SENT", latency);
    }

    private void retryLater(Delivery d, Purpose purpose, Duration wait, String code, List<Runnable> events) {
        store.transition(
                d,
                new Update()
                        .set("status", DeliveryStatus.PENDING.name())
                        .set("nextAttemptAt", clock.instant().plus(wait))
                        .set("lastCode", code));
        metrics.retry(d.channel().name());
        events.add(() -> publish(d, purpose, "RETRYING", 0));
    }

    /** Exponential back-off with "equal jitter": half fixed, half random, capped. */
    Duration backoff(int attempt) {
        long base = properties.delivery().initialBackoff().toMillis();
        long cap = properties.delivery().maxBackoff().toMillis();
        long exp = Math.min(cap, base * (1L << Math.min(20, Math.max(0, attempt - 1))));
        return Duration.ofMillis(exp / 2 + ThreadLocalRandom.current().nextLong(0, exp / 2 + 1));
    }

    private Optional<String> fail(
            Delivery d, Purpose purpose, DeliveryStatus status, String code, List<Runnable> events) {
        store.transition(d, new Update().set("status", status.name()).set("lastCode", code));
        events.add(() -> publish(d, purpose, status.name(), 0));
        if (d.matchId() != null) {
            // the agent's next channel; a digest of matches is no emergency for the duty manager
            Optional<String> next = d.listingMatch() == null
                    ? Optional.empty()
                    : planner.planMatch(d.matchId(), d.agentId(), d.listingMatch(), d.channel());
            if (next.isEmpty()) {
                log.warn("listing match {} could not be delivered to agent {}", d.matchId(), d.agentId());
            }
            return next;
        }
        Optional<String> next = planner.plan(d.leadId(), d.agentId(), d.purpose(), d.step(), d.note(), d.channel());
        if (next.isPresent()) {
            return next; // the agent's next channel
        }
        String duty = properties.dutyManagerId();
        if (!duty.equals(d.agentId())) {
            metrics.escalation("all-channels-failed");
            Optional<String> toDuty =
                    planner.plan(d.leadId(), duty, Purpose.ESCALATION, 100 + d.step(), "原负责人的所有通知渠道均失败，请处理", null);
            if (toDuty.isPresent()) {
                return toDuty;
            }
        }
        log.error("lead {} could not be delivered to agent {} nor to the duty manager", d.leadId(), d.agentId());
        return Optional.empty();
    }

    /** One event per lead the delivery is about: a listing digest names several, each gets its own. */
    void publish(Delivery d, Purpose purpose, String status, long latencyMs) {
        List<String> leadIds = d.matchId() == null
                ? List.of(d.leadId())
                : d.listingMatch() == null ? List.of() : d.listingMatch().leadIds();
        for (String leadId : leadIds) {
            events.delivery(new NotifyDeliveryEvent(
                    UUID.randomUUID().toString(),
                    clock.instant(),
                    d.deliveryId(),
                    leadId,
                    d.agentId(),
                    d.channel().name(),
                    purpose.name(),
                    status,
                    d.attempt(),
                    latencyMs));
        }
    }
}
