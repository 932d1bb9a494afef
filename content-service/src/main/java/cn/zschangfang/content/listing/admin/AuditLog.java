package cn.zschangfang.content.listing.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The back office's record of who changed what and when (collection {@code listing_audit}). Written right after the
 * change it records; the stand-in has no transactions, so a crash between the two can lose one entry, never invent
 * one.
 */
@Component
public class AuditLog {

    /** What was done. */
    public enum Action {
        CREATED,
        UPDATED,
        STATUS_CHANGED,
        PHOTO_ADDED,
        PHOTO_DELETED,
        VERIFIED,
        IMPORTED,
        /** A write of the article back office (create, replace, publish, delete, import); detail: method and path. */
        ARTICLE_CHANGED
    }

    /**
     * One entry: {@code by} is {@code admin} or the manager's agent id; {@code listingId} is null for article changes;
     * {@code detail} a short text (a title, a status step, a photo id, a method and path).
     */
    @Document("listing_audit")
    public record Entry(@Id String id, Instant at, String by, Action action, String listingId, String detail) {}

    /** One page of entries, newest first. */
    public record Page(List<Entry> items, int page, int size, long total) {}

    private final MongoTemplate mongo;
    private final Clock clock;

    public AuditLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void record(Caller by, Action action, String listingId, String detail) {
        mongo.insert(new Entry(UUID.randomUUID().toString(), clock.instant(), by.id(), action, listingId, detail));
    }

    public Page page(int page, int size) {
        long total = mongo.count(new Query(), Entry.class);
        Query query = new Query()
                .with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id")))
                .skip((long) page * size)
                .limit(size);
        return new Page(mongo.find(query, Entry.class), page, size, total);
    }
}
