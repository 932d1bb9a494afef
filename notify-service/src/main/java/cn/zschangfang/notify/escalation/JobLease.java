package cn.zschangfang.notify.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A lease document per job in collection {@code job_leases}: whoever holds an unexpired lease runs the job, so a
 * scheduled job runs on one instance at a time. Acquired with one findAndModify (upsert); a concurrent upsert of
 * the same new lease fails with a duplicate key, which simply means "someone else has it".
 */
@Component
public class JobLease {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    public JobLease(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public boolean tryAcquire(String job, Duration ttl) {
        Instant now = clock.instant();
        try {
            Document lease = mongo.findAndModify(
                    Query.query(new Criteria()
                            .andOperator(
                                    Criteria.where("_id").is(job),
                                    new Criteria()
                                            .orOperator(
                                                    Criteria.where("until").lt(now),
                                                    Criteria.where("owner").is(owner)))),
                    new Update().set("owner", owner).set("until", now.plus(ttl)),
                    FindAndModifyOptions.options().upsert(true).returnNew(true),
                    Document.class,
                    "job_leases");
            return lease != null && owner.equals(lease.get("owner"));
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    public String owner() {
        return owner;
    }
}
