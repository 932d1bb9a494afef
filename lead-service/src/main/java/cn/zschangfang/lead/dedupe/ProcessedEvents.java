package cn.zschangfang.lead.dedupe;

import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Consumer-side deduplication: the first consumer to insert an event id wins, a redelivery finds it taken. The
 * marker is written before the effect; an effect that then fails is retried by the binder only if the marker is
 * removed, which {@link #forget} does.
 */
@Component
public class ProcessedEvents {

    private final MongoTemplate mongo;

    public ProcessedEvents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return true the first time this event id is seen for this consumer */
    public boolean firstTime(String consumer, String eventId) {
        if (eventId == null || eventId.isBlank()) {
            return true;
        }
        try {
            mongo.insert(new Processed(consumer + ":" + eventId, Instant.now()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Whether this event id was already recorded for this consumer. For effects that are idempotent on their own:
     * check, apply, then {@link #firstTime} to record, so a crash in between leads to a redelivery that is applied
     * again harmlessly instead of one that is skipped with its effect half done.
     */
    public boolean seen(String consumer, String eventId) {
        return eventId != null
                && !eventId.isBlank()
                && mongo.exists(Query.query(Criteria.where("_id").is(consumer + ":" + eventId)), Processed.class);
    }

    public void forget(String consumer, String eventId) {
        if (eventId != null) {
            mongo.remove(Query.query(Criteria.where("_id").is(consumer + ":" + eventId)), Processed.class);
        }
    }

    /** Redeliveries come within minutes or hours; markers older than this are no longer needed. */
    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT10M")
    public long purgeOlderThan7Days() {
        return mongo.remove(
                        Query.query(Criteria.where("at").lt(Instant.now().minus(Duration.ofDays(7)))), Processed.class)
                .getDeletedCount();
    }

    @Document("processed_events")
    record Processed(@Id String id, Instant at) {}
}
