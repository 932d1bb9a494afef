package cn.zschangfang.content.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The durable hand-off between the beacon and the broker (collection {@code view_outbox}, {@code _id = eventId}): a
 * counted view is stored here before the beacon answers 202 and removed only after the broker acknowledged it, so
 * neither a broker outage nor a crash of this service can lose it. One insert per counted view on the request thread,
 * no broker wait.
 */
@Component
public class ViewOutbox {

    static final String COLLECTION = "view_outbox";

    private final MongoTemplate mongo;

    public ViewOutbox(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("storedAt", Sort.Direction.ASC).named("storedAt"));
    }

    /** Stores the view; throws (and stores nothing) when MongoDB cannot take it. */
    public void store(ArticleViewed e, Instant storedAt) {
        mongo.getCollection(COLLECTION)
                .insertOne(new Document("_id", e.eventId())
                        .append("occurredAt", Date.from(e.occurredAt()))
                        .append("articleId", e.articleId())
                        .append("slug", e.slug())
                        .append("title", e.title())
                        .append("category", e.category())
                        .append("tags", e.tags())
                        .append("visitorId", e.visitorId())
                        .append("referrer", e.referrer())
                        .append("storedAt", Date.from(storedAt)));
    }

    /** Removes views the broker has acknowledged. */
    public void remove(Collection<String> eventIds) {
        if (!eventIds.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(eventIds)), COLLECTION);
        }
    }

    /** Views stored before {@code before} and still waiting, oldest first (those of a process that died, mostly). */
    public List<ArticleViewed> storedBefore(Instant before, int limit) {
        Query query = Query.query(Criteria.where("storedAt").lt(Date.from(before)))
                .with(Sort.by("storedAt"))
                .limit(limit);
        List<ArticleViewed> out = new ArrayList<>();
        for (Document d : mongo.find(query, Document.class, COLLECTION)) {
            out.add(new ArticleViewed(
                    d.getString("_id"),
                    d.getDate("occurredAt").toInstant(),
                    d.getString("articleId"),
                    d.getString("slug"),
                    d.getString("title"),
                    d.getString("category"),
                    d.getList("tags", String.class, List.of()),
                    d.getString("visitorId"),
                    d.getString("referrer")));
        }
        return out;
    }

    public long size() {
        return mongo.getCollection(COLLECTION).countDocuments();
    }
}
