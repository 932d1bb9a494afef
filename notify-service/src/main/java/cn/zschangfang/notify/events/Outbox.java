package cn.zschangfang.notify.events;

import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The {@code outbox} collection: events stored before their broker send and removed once the broker took them. */
@Component
public class Outbox {

    private final MongoTemplate mongo;

    Outbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return false when an event with the same (deterministic) id is already waiting: it is sent once */
    boolean insertOnce(OutboxRecord record) {
        try {
            mongo.insert(record);
            return true;
        } catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
    }

    /** The broker acknowledged the event. */
    void sent(String eventId) {
        mongo.remove(Query.query(Criteria.where("_id").is(eventId)), OutboxRecord.class);
    }

    /** A send failed; the record stays for {@link #waiting}. */
    void failed(String eventId) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(eventId)), new Update().inc("tries", 1), OutboxRecord.class);
    }

    /** Records stored before {@code before}, oldest first (per-key order), at most {@code max}. */
    List<OutboxRecord> waiting(Instant before, int max) {
        return mongo.find(
                Query.query(Criteria.where("createdAt").lt(before))
                        .with(Sort.by("createdAt"))
                        .limit(max),
                OutboxRecord.class);
    }
}
