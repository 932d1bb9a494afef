package cn.zschangfang.notify.delivery;

import cn.zschangfang.notify.ack.AckTokens;
import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.agent.AgentRegistry;
import cn.zschangfang.notify.channel.Channel;
import cn.zschangfang.notify.channel.ChannelType;
import cn.zschangfang.notify.channel.OutboundMessage;
import cn.zschangfang.notify.channel.SendResult;
import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.notify.events.EventPublisher;
import cn.zschangfang.notify.events.NotifyDeliveryEvent;
import cn.zschangfang.notify.routing.LeadCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Exactly-once-as-far-as-possible delivery. A delivery record is inserted (PENDING) under its unique key before
 * sending; whoever atomically claims it (PENDING and due → IN_FLIGHT with a lease) sends it; the outcome is written
 * right after the channel answered. The sweep re-claims PENDING records that are due and IN_FLIGHT records whose
 * lease expired (the process died mid-send).
 *
 * <p>The unavoidable window: the channel accepted the message but the process died before writing SENT. The lease
 * then expires and the message is sent again (robots have no idempotency key; a rare duplicate beats a lost lead).
 * The window is the time between the robot's HTTP answer and one MongoDB update.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);
    public static final String NEW_LEAD = "NEW_LEAD";
    public static final String ESCALATION = "ESCALATION";
    public static final String DIGEST = "DIGEST";

    private final MongoTemplate mongo;
    private final AgentRegistry agents;
    private final List<Channel> channels;
    private final EventPublisher events;
    private final AckTokens ackTokens;
    private final RobotRateLimiter limiter;
    private final DeliveryMetrics metrics;
    private final NotifyProperties properties;
    private final Clock clock;

    public DeliveryService(
            MongoTemplate mongo,
            AgentRegistry agents,
            List<Channel> channels,
            EventPublisher events,
            AckTokens ackTokens,
            RobotRateLimiter limiter,
            DeliveryMetrics metrics,
            NotifyProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.agents = agents;
        this.channels =
                channels.stream().sorted(Comparator.comparing(Channel::type)).toList();
        this.events = events;
        this.ackTokens = ackTokens;
        this.limiter = limiter;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
        mongo.indexOps(Delivery.class)
                .createIndex(new Index("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
        mongo.indexOps(Delivery.class).createIndex(new Index("leadId", Sort.Direction.ASC));
    }

    /**
     * Records (or finds) the delivery of a lead to an agent on the agent's first usable channel and sends it.
     *
     * @param step 0 for the first routing, n for the n-th escalation (part of the unique key)
     * @return false when the agent has no usable channel
     */
    public boolean deliver(String leadId, String agentId, String purpose, int step, String note) {
        Optional<String> key = plan(leadId, agentId, purpose, step, note, null);
        key.ifPresent(this::dispatch);
        return key.isPresent();
    }

    Optional<String> plan(String leadId, String agentId, String purpose, int step, String note, ChannelType after) {
        Optional<Agent> agent = agents.find(agentId).filter(Agent::active);
        if (agent.isEmpty()) {
            return Optional.empty();
        }
        Optional<Channel> channel = channels.stream()
                .filter(c -> after == null || c.type().compareTo(after) > 0)
                .filter(c -> c.availableFor(agent.get()))
                .findFirst();
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        String type = channel.get().type().name();
        String key = Delivery.key(leadId, agentId, type, step == 0 ? purpose : purpose + "#" + step);
        Instant now = clock.instant();
        try {
            mongo.insert(new Delivery(
                    key,
                    UUID.randomUUID().toString(),
                    leadId,
                    agentId,
                    type,
                    purpose,
                    note,
                    Delivery.PENDING,
                    0,
                    now,
                    null,
                    channel.get().limitTarget(agent.get()),
                    false,
                    null,
                    now,
                    null,
                    false));
        } catch (DuplicateKeyException alreadyRecorded) {
            // redelivered event or a second instance: the existing record decides; dispatch() will not resend SENT
        }
        return Optional.of(key);
    }

    /** Sends one delivery if this caller can claim it; a no-op for deliveries already sent or claimed elsewhere. */
    public void dispatch(String key) {
        Delivery d = claim(key, false);
        if (d == null) {
            return;
        }
        Optional<Agent> agent = agents.find(d.agentId()).filter(Agent::active);
        Optional<Channel> channel = channels.stream()
                .filter(c -> c.type().name().equals(d.channel()))
                .findFirst();
        if (agent.isEmpty() || channel.isEmpty() || !channel.get().availableFor(agent.get())) {
            complete(List.of(d), SendResult.permanent("agent-or-channel-gone"), false);
            return;
        }
        List<Delivery> batch = new ArrayList<>(List.of(d));
        if (d.limitTarget() != null) {
            Instant retryAt = limiter.tryAcquire(d.limitTarget());
            if (retryAt != null) {
                defer(d, retryAt);
                return;
            }
            if (d.deferred()) {
                batch.addAll(claimBacklog(d));
            }
        }
        List<OutboundMessage.Item> items = new ArrayList<>();
        List<Delivery> sendable = new ArrayList<>();
        for (Delivery each : batch) {
            LeadCase lc = mongo.findById(each.leadId(), LeadCase.class);
            if (lc == null) {
                complete(List.of(each), SendResult.permanent("lead-unknown"), false);
                continue;
            }
            items.add(new OutboundMessage.Item(
                    lc.lead(),
                    properties.publicBaseUrl() + "/api/leads/" + each.leadId(),
                    ackTokens.link(each.leadId(), each.agentId())));
            sendable.add(each);
        }
        if (sendable.isEmpty()) {
            return;
        }
        boolean digest = sendable.size() > 1;
        OutboundMessage message =
                new OutboundMessage(digest ? DIGEST : d.purpose(), items, digest ? null : d.note(), d.deliveryId());
        SendResult result;
        try {
            result = channel.get().send(agent.get(), message);
        } catch (RuntimeException e) {
            log.warn(
                    "channel {} threw {} for delivery {}",
                    d.channel(),
                    e.getClass().getSimpleName(),
                    d.deliveryId());
            result = SendResult.transientFailure("exception");
        }
        complete(sendable, result, digest);
    }

    private Delivery claim(String key, boolean ignoreDue) {
        Instant now = clock.instant();
        Criteria pending = Criteria.where("status").is(Delivery.PENDING);
        if (!ignoreDue) {
            pending = pending.and("nextAttemptAt").lte(now);
        }
        Criteria orphaned = Criteria.where("status")
                .is(Delivery.IN_FLIGHT)
                .and("leaseUntil")
                .lt(now);
        return mongo.findAndModify(
                Query.query(new Criteria()
                        .andOperator(Criteria.where("_id").is(key), new Criteria().orOperator(pending, orphaned))),
                new Update()
                        .set("status", Delivery.IN_FLIGHT)
                        .set("leaseUntil", now.plus(properties.delivery().lease()))
                        .inc("attempt", 1),
                FindAndModifyOptions.options().returnNew(true),
                Delivery.class);
    }

    /** Other deliveries to the same robot waiting on the limiter: folded into this send as one digest. */
    private List<Delivery> claimBacklog(Delivery first) {
        List<Delivery> waiting = mongo.find(
                Query.query(Criteria.where("limitTarget")
                                .is(first.limitTarget())
                                .and("channel")
                                .is(first.channel())
                                .and("status")
                                .is(Delivery.PENDING)
                                .and("deferred")
                                .is(true)
                                .and("_id")
                                .ne(first.key()))
                        .with(Sort.by("createdAt"))
                        .limit(19),
                Delivery.class);
        List<Delivery> claimed = new ArrayList<>();
        for (Delivery w : waiting) {
            Delivery c = claim(w.key(), true);
            if (c != null) {
                claimed.add(c);
            }
        }
        return claimed;
    }

    private void defer(Delivery d, Instant retryAt) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(d.key()).and("status").is(Delivery.IN_FLIGHT)),
                new Update()
                        .set("status", Delivery.PENDING)
                        .set("deferred", true)
                        .set(
                                "nextAttemptAt",
                                retryAt.plusMillis(ThreadLocalRandom.current().nextLong(0, 3000)))
                        .inc("attempt", -1), // waiting for the limiter is not a failed attempt
                Delivery.class);
    }

    private void complete(List<Delivery> batch, SendResult result, boolean digest) {
        Instant now = clock.instant();
        for (Delivery d : batch) {
            String purpose = digest ? DIGEST : d.purpose();
            metrics.outcome(d.channel(), result.outcome().name());
            switch (result.outcome()) {
                case SENT -> {
                    transition(
                            d,
                            new Update()
                                    .set("status", Delivery.SENT)
                                    .set("sentAt", now)
                                    .set("lastCode", result.code())
                                    .set("digest", digest));
                    LeadCase lc = mongo.findById(d.leadId(), LeadCase.class);
                    long latency = lc == null || lc.lead().capturedAt() == null
                            ? 0
                            : Duration.between(lc.lead().capturedAt(), now).toMillis();
                    publish(d, purpose, "SENT", Math.max(0, latency));
                    // Ids only: the operator follows a lead from capture to the agent's phone by traceId and leadId.
                    log.info(
                            "lead {} delivered to agent {} via {} ({}, attempt {}, {} ms after capture)",
                            d.leadId(),
                            d.agentId(),
                            d.channel(),
                            purpose,
                            d.attempt(),
                            Math.max(0, latency));
                    long first = mongo.updateFirst(
                                    Query.query(Criteria.where("_id")
                                            .is(d.leadId())
                                            .and("firstDeliveredAt")
                                            .is(null)),
                                    new Update().set("firstDeliveredAt", now),
                                    LeadCase.class)
                            .getModifiedCount();
                    if (first == 1) {
                        metrics.firstDelivery(Duration.ofMillis(latency));
                    }
                }
                case TRANSIENT -> {
                    if (d.attempt() >= properties.delivery().maxAttempts()) {
                        fail(d, purpose, Delivery.FAILED, result.code());
                    } else {
                        retryLater(d, purpose, backoff(d.attempt()), result.code());
                    }
                }
                case RATE_LIMITED -> {
                    Duration wait = properties.delivery().rateLimitedBackoff();
                    retryLater(
                            d,
                            purpose,
                            wait.plusMillis(ThreadLocalRandom.current().nextLong(0, 1 + wait.toMillis() / 10)),
                            result.code());
                }
                case PERMANENT -> fail(d, purpose, Delivery.FAILED, result.code());
                case UNKNOWN -> fail(d, purpose, Delivery.UNKNOWN, result.code());
            }
        }
    }

    private void retryLater(Delivery d, String purpose, Duration wait, String code) {
        transition(
                d,
                new Update()
                        .set("status", Delivery.PENDING)
                        .set("nextAttemptAt", clock.instant().plus(wait))
                        .set("lastCode", code));
        metrics.retry(d.channel());
        publish(d, purpose, "RETRYING", 0);
    }

    /** Exponential back-off with "equal jitter": half fixed, half random, capped. */
    Duration backoff(int attempt) {
        long base = properties.delivery().initialBackoff().toMillis();
        long cap = properties.delivery().maxBackoff().toMillis();
        long exp = Math.min(cap, base * (1L << Math.min(20, Math.max(0, attempt - 1))));
        return Duration.ofMillis(exp / 2 + ThreadLocalRandom.current().nextLong(0, exp / 2 + 1));
    }

    private void fail(Delivery d, String purpose, String status, String code) {
        transition(d, new Update().set("status", status).set("lastCode", code));
        publish(d, purpose, status, 0);
        // the next channel of the same agent, else the duty manager
        Optional<String> next =
                plan(d.leadId(), d.agentId(), d.purpose(), stepOf(d), d.note(), ChannelType.valueOf(d.channel()));
        if (next.isPresent()) {
            dispatch(next.get());
            return;
        }
        String duty = properties.dutyManagerId();
        if (!duty.equals(d.agentId())) {
            metrics.escalation("all-channels-failed");
            String note = "原负责人的所有通知渠道均失败，请处理";
            boolean planned = deliver(d.leadId(), duty, ESCALATION, 100 + stepOf(d), note);
            if (planned) {
                return;
            }
        }
        log.error("lead {} could not be delivered to agent {} nor to the duty manager", d.leadId(), d.agentId());
    }

    private static int stepOf(Delivery d) {
        String keyPurpose = d.key().substring(d.key().lastIndexOf('|') + 1);
        int hash = keyPurpose.indexOf('#');
        return hash < 0 ? 0 : Integer.parseInt(keyPurpose.substring(hash + 1));
    }

    private void transition(Delivery d, Update update) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(d.key()).and("status").is(Delivery.IN_FLIGHT)),
                update,
                Delivery.class);
    }

    private void publish(Delivery d, String purpose, String status, long latencyMs) {
        events.delivery(new NotifyDeliveryEvent(
                UUID.randomUUID().toString(),
                clock.instant(),
                d.deliveryId(),
                d.leadId(),
                d.agentId(),
                d.channel(),
                purpose,
                status,
                d.attempt(),
                latencyMs));
    }

    /** Sends what is due: retries whose back-off elapsed and deliveries orphaned by a crashed instance. */
    @Scheduled(fixedDelayString = "${notify.delivery.sweep-interval:1s}")
    public void sweep() {
        Instant now = clock.instant();
        List<Delivery> due = mongo.find(
                Query.query(new Criteria()
                                .orOperator(
                                        Criteria.where("status")
                                                .is(Delivery.PENDING)
                                                .and("nextAttemptAt")
                                                .lte(now),
                                        Criteria.where("status")
                                                .is(Delivery.IN_FLIGHT)
                                                .and("leaseUntil")
                                                .lt(now)))
                        .with(Sort.by("nextAttemptAt"))
                        .limit(100),
                Delivery.class);
        for (Delivery d : due) {
            try {
                dispatch(d.key());
            } catch (RuntimeException e) {
                log.warn(
                        "sweep could not dispatch delivery {}: {}",
                        d.deliveryId(),
                        e.getClass().getSimpleName());
            }
        }
    }

    /** The acknowledgement of a lead is also a delivery status (ACKNOWLEDGED) of the agent's delivery. */
    public void publishAcknowledged(String leadId, String agentId) {
        Delivery d = mongo.findOne(
                Query.query(Criteria.where("leadId")
                                .is(leadId)
                                .and("agentId")
                                .is(agentId)
                                .and("status")
                                .is(Delivery.SENT))
                        .with(Sort.by(Sort.Direction.DESC, "sentAt"))
                        .limit(1),
                Delivery.class);
        if (d == null) {
            d = mongo.findOne(
                    Query.query(Criteria.where("leadId")
                                    .is(leadId)
                                    .and("agentId")
                                    .is(agentId))
                            .limit(1),
                    Delivery.class);
        }
        if (d != null) {
            publish(d, d.purpose(), "ACKNOWLEDGED", 0);
        }
    }
}
