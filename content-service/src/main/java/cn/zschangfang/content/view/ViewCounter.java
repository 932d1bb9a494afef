package cn.zschangfang.content.view;

import cn.zschangfang.content.article.Article;
import cn.zschangfang.content.config.ContentProperties;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Maintains {@code articles.views} from {@code content.article-viewed}, one consumer batch at a time, exactly.
 *
 * <p>Why it is exact without transactions:
 *
 * <ol>
 *   <li>Every event of the batch is stored in {@code views} with {@code _id = eventId} (unordered insert, duplicate
 *       keys ignored). Storing is idempotent: a redelivered event (consumer restart, rebalance, crash between this
 *       method and the offset commit) hits its own id and changes nothing.
 *   <li>Then each affected article's {@code countedViews} is set to the number of its stored events, and
 *       {@code views = migratedViews + countedViews}. That value is a pure function of the set of stored events,
 *       so recomputing it any number of times, in any order, gives the same answer.
 *   <li>The set is written with a compare-and-set that only moves {@code countedViews} forward; a stale consumer
 *       (a zombie after a rebalance) that counted an older, smaller set cannot overwrite a newer count.
 *   <li>Offsets are committed only after this method returns (batch ack mode); if it throws, the batch is
 *       redelivered and steps 1–3 run again.
 * </ol>
 *
 * <p>Cost: one indexed {@code count} per distinct article per batch, which grows with an article's total counted
 * views (an index range scan). For articles with many millions of views, fold old events into the base
 * periodically (store a per-article checkpoint) instead of recounting everything.
 */
@Component
public class ViewCounter {

    private static final int DUPLICATE_KEY = 11000;
    private static final int CAS_ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final ZoneId zone;
    private final Counter stored;
    private final Counter redelivered;
    private final Counter invalid;

    public ViewCounter(MongoTemplate mongo, ContentProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.zone = properties.statsZone();
        this.stored = ViewMeters.counter(
                meters, "content.views.counted", "View events stored by the counter (first delivery)");
        this.redelivered = ViewMeters.counter(
                meters, "content.views.redelivered", "View events delivered again and ignored by the counter");
        this.invalid = ViewMeters.counter(
                meters, "content.views.invalid", "Records on the view topic the counter could not use");
    }

    /** Stores the batch's events and brings the affected articles' counters up to date. */
    public void count(List<ViewedRecord> batch) {
        Map<String, Document> docs = new LinkedHashMap<>();
        for (ViewedRecord r : batch) {
            if (r == null || !r.isComplete()) {
                invalid.increment();
                continue;
            }
            docs.putIfAbsent(
                    r.eventId(),
                    new Document("_id", r.eventId())
                            .append("articleId", r.articleId())
                            .append("slug", r.slug())
                            .append("visitorId", r.visitorId())
                            .append("occurredAt", Date.from(r.occurredAt()))
                            .append(
                                    "day",
                                    r.occurredAt().atZone(zone).toLocalDate().toString()));
        }
        if (docs.isEmpty()) {
            return;
        }
        int inserted = insertIgnoringDuplicates(new ArrayList<>(docs.values()));
        stored.increment(inserted);
        redelivered.increment(docs.size() - inserted);
        Set<String> articleIds = new LinkedHashSet<>();
        docs.values().forEach(d -> articleIds.add(d.getString("articleId")));
        for (String articleId : articleIds) {
            recount(articleId);
        }
    }

    /** Recomputes one article's counter from its stored events (idempotent). */
    public void recount(String articleId) {
        long count = mongo.count(Query.query(Criteria.where("articleId").is(articleId)), StoredView.COLLECTION);
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            Query read = Query.query(Criteria.where("_id").is(articleId));
            read.fields().include("migratedViews", "countedViews");
            Document current = mongo.findOne(read, Document.class, "articles");
            if (current == null || number(current, "countedViews") >= count) {
                return; // deleted article, or already counted by this or a newer run
            }
            long migrated = number(current, "migratedViews");
            long counted = number(current, "countedViews");
            Query cas = Query.query(Criteria.where("_id")
                    .is(articleId)
                    .and("countedViews")
                    .is(counted)
                    .and("migratedViews")
                    .is(migrated));
            Update update = new Update().set("countedViews", count).set("views", migrated + count);
            if (mongo.updateFirst(cas, update, Article.class).getMatchedCount() == 1) {
                return;
            }
        }
        throw new IllegalStateException("article counter kept changing concurrently; batch will be retried");
    }

    /**
     * Unordered insert: every document is attempted and each duplicate is reported as a write error, so the number
     * stored is the batch minus the duplicates (the MongoDB-wire stand-in's insertedCount is not reliable here).
     */
    private int insertIgnoringDuplicates(List<Document> docs) {
        try {
            mongo.getCollection(StoredView.COLLECTION).insertMany(docs, new InsertManyOptions().ordered(false));
            return docs.size();
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
            return docs.size() - e.getWriteErrors().size();
        }
    }

    private static long number(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.longValue() : 0L;
    }
}
