package cn.zschangfang.notify.delivery;

import cn.zschangfang.notify.channel.Purpose;
import cn.zschangfang.notify.config.NotifyProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code deliveries} collection: insert-once records, atomic claims with a lease and a claim token, renewals
 * and transitions fenced by that token (so a holder whose lease expired can neither send again nor overwrite the
 * outcome of the claim that took over).
 */
@Component
class DeliveryStore {

    /** How long a recorded, never-attempted delivery is left to the intake that recorded it before the sweep sends it. */
    static final Duration FRESH = Duration.ofSeconds(10);

    /** Beyond a send (its connect plus read timeout): time to write the outcome before the lease ends. */
    static final Duration OUTCOME_WRITE = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final NotifyProperties properties;
    private final Clock clock;

    DeliveryStore(MongoTemplate mongo, NotifyProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        mongo.indexOps(Delivery.class)
                .createIndex(new Index("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
        mongo.indexOps(Delivery.class).createIndex(new Index("leadId", Sort.Direction.ASC));
        mongo.indexOps(Delivery.class).createIndex(new Index("matchId", Sort.Direction.ASC).sparse());
        // claimBacklog: the deliveries waiting for one robot, oldest first.
        mongo.indexOps(Delivery.class)
                .createIndex(new Index("limitTarget", Sort.Direction.ASC)
                        .on("status", Sort.Direction.ASC)
                        .on("createdAt", Sort.Direction.ASC));
    }

    private Duration sendWindow() {
        return properties.delivery().httpTimeout().multipliedBy(2).plus(OUTCOME_WRITE);
    }

    /** Inserts the record unless it exists (a redelivered event or a second instance: the existing one decides). */
    void insertOnce(Delivery d) {
        try {
            mongo.insert(d);
        } catch (DuplicateKeyException alreadyRecorded) {
            // dispatch() will not resend what is SENT or claimed elsewhere
        }
    }

    /**
     * PENDING and due (or any PENDING with {@code ignoreDue}), or IN_FLIGHT with an expired lease → IN_FLIGHT, held
     * by {@code token} (one per dispatch) until the lease ends.
     */
    Delivery claim(String key, boolean ignoreDue, String token) {
        Instant now = clock.instant();
        Criteria pending = Criteria.where("status").is(DeliveryStatus.PENDING.name());
        if (!ignoreDue) {
            pending = pending.and("nextAttemptAt").lte(now);
        }
        Criteria orphaned = Criteria.where("status")
                .is(DeliveryStatus.IN_FLIGHT.name())
                .and("leaseUntil")
                .lt(now);
        return mongo.findAndModify(
                Query.query(new Criteria()
                        .andOperator(Criteria.where("_id").is(key), new Criteria().orOperator(pending, orphaned))),
                new Update()
                        .set("status", DeliveryStatus.IN_FLIGHT.name())
                        .set("leaseUntil", now.plus(properties.delivery().lease()))
                        .set("claimToken", token)
                        .inc("attempt", 1),
                FindAndModifyOptions.options().returnNew(true),
                Delivery.class);
    }

    /**
     * The claimed deliveries still held for long enough to send them, renewing their lease when it is short. A
     * holder that was slow (a stalled store, a long pause) may have outlived its lease while the sweep re-claimed and
     * sent them: sending those again would be a duplicate, so they are left out. Until its lease ends nobody else can
     * claim a delivery, so a lease with room left for the send and its outcome needs no round trip.
     */
    List<Delivery> holdForSend(List<Delivery> held) {
        if (held.isEmpty()) {
            return held;
        }
        Instant enough = clock.instant().plus(sendWindow());
        if (held.stream().allMatch(d -> d.leaseUntil() != null && d.leaseUntil().isAfter(enough))) {
            return held;
        }
        Query mine = Query.query(Criteria.where("_id")
                .in(held.stream().map(Delivery::key).toList())
                .and("status")
                .is(DeliveryStatus.IN_FLIGHT.name())
                .and("claimToken")
                .is(held.get(0).claimToken()));
        long renewed = mongo.updateMulti(
                        mine,
                        new Update()
                                .set(
                                        "leaseUntil",
                                        clock.instant()
                                                .plus(properties.delivery().lease())),
                        Delivery.class)
                .getMatchedCount();
        if (renewed == held.size()) {
            return held;
        }
        Set<String> still = new HashSet<>();
        mongo.find(mine, Delivery.class).forEach(d -> still.add(d.key()));
        return held.stream().filter(d -> still.contains(d.key())).toList();
    }

    /**
     * Other deliveries to the same robot waiting on the limiter, claimed under {@code first}'s token to be folded
     * into one digest.
     */
    List<Delivery> claimBacklog(Delivery first, int max) {
        List<Delivery> waiting = mongo.find(
                Query.query(Criteria.where("limitTarget")
                                .is(first.limitTarget())
                                .and("channel")
                                .is(first.channel().name())
                                .and("status")
                                .is(DeliveryStatus.PENDING.name())
                                .and("deferred")
                                .is(true)
                                .and("purpose")
                                .ne(Purpose.LISTING_MATCH.name()) // a listing digest is a message of its own
                                .and("_id")
                                .ne(first.key()))
                        .with(Sort.by("createdAt"))
                        .limit(max),
                Delivery.class);
        List<Delivery> claimed = new ArrayList<>();
        for (Delivery w : waiting) {
            Delivery c = claim(w.key(), true, first.claimToken());
            if (c != null) {
                claimed.add(c);
            }
        }
        return claimed;
    }

    /**
     * Back to PENDING (deferred, so the next send to the robot folds it in) due at {@code at}; waiting is not a
     * failed attempt.
     */
    void release(Delivery d, Instant at) {
        transition(
                d,
                new Update()
                        .set("status", DeliveryStatus.PENDING.name())
                        .set("deferred", true)
                        .set("nextAttemptAt", at)
                        .inc("attempt", -1));
    }

    /** One write for every delivery a message carried, each if its claim still holds. */
    void markSent(List<Delivery> batch, String code, boolean digest, Instant at) {
        mongo.updateMulti(
                Query.query(Criteria.where("_id")
                        .in(batch.stream().map(Delivery::key).toList())
                        .and("status")
                        .is(DeliveryStatus.IN_FLIGHT.name())
                        .and("claimToken")
                        .is(batch.get(0).claimToken())),
                new Update()
                        .set("status", DeliveryStatus.SENT.name())
                        .set("sentAt", at)
                        .set("lastCode", code)
                        .set("digest", digest),
                Delivery.class);
    }

    /** Applies {@code update} if {@code d}'s claim still holds: a later claim's outcome is never overwritten. */
    void transition(Delivery d, Update update) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(d.key())
                        .and("status")
                        .is(DeliveryStatus.IN_FLIGHT.name())
                        .and("claimToken")
                        .is(d.claimToken())),
                update,
                Delivery.class);
    }

    /**
     * Retries whose back-off elapsed, limiter waits that ended, and deliveries orphaned by a crashed instance (lease
     * expired, or recorded but never attempted for {@link #FRESH}), oldest first. A fresh never-attempted delivery
     * belongs to whoever recorded it (the send pool may still have it queued): the sweep taking it would be correct
     * (claims decide) but would race the intake's own send.
     */
    List<Delivery> due(int max) {
        Instant now = clock.instant();
        return mongo.find(
                Query.query(new Criteria()
                                .orOperator(
                                        Criteria.where("status")
                                                .is(DeliveryStatus.PENDING.name())
                                                .and("nextAttemptAt")
                                                .lte(now)
                                                .orOperator(
                                                        Criteria.where("attempt")
                                                                .gt(0),
                                                        Criteria.where("deferred")
                                                                .is(true),
                                                        Criteria.where("createdAt")
                                                                .lt(now.minus(FRESH))),
                                        Criteria.where("status")
                                                .is(DeliveryStatus.IN_FLIGHT.name())
                                                .and("leaseUntil")
                                                .lt(now)))
                        .with(Sort.by("nextAttemptAt"))
                        .limit(max),
                Delivery.class);
    }
}
