package cn.zschangfang.lead.listing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code listings} collection. Every write is one upsert conditional on the event being newer than what is
 * stored ({@code version}): the three listing topics have no order between them, so a late older event must lose.
 */
@Component
public class ListingStore {

    /** What a write did. */
    public enum Outcome {
        /** The event was newer and is now the projection. */
        APPLIED,
        /** The projection already holds exactly this event's version (a redelivery). */
        SAME,
        /** A newer event was applied before: this one changed nothing. */
        STALE
    }

    private final MongoTemplate mongo;

    public ListingStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Outcome upsert(Listing listing) {
        Document fields = new Document();
        mongo.getConverter().write(listing, fields);
        fields.remove("_id");
        fields.remove("_class");
        Update update = new Update();
        fields.forEach(update::set);
        return write(listing.id(), listing.version(), update);
    }

    /** Marks the listing withdrawn (a tombstone keeping its last snapshot), creating one if it was never seen. */
    public Outcome withdraw(String id, String status, Instant version) {
        return write(
                id,
                version,
                new Update().set("active", false).set("status", status).set("version", version));
    }

    private Outcome write(String id, Instant version, Update update) {
        Query newer = Query.query(Criteria.where("_id")
                .is(id)
                .orOperator(
                        Criteria.where("version").lt(version),
                        Criteria.where("version").exists(false)));
        try {
            mongo.upsert(newer, update, Listing.class);
            return Outcome.APPLIED;
        } catch (DuplicateKeyException e) {
            // The document exists with a version at least as new: the upsert tried to insert a second one.
            Instant stored = find(id).map(Listing::version).orElse(null);
            return version.equals(stored) ? Outcome.SAME : Outcome.STALE;
        }
    }

    public List<Listing> active() {
        return mongo.find(Query.query(Criteria.where("active").is(true)), Listing.class);
    }

    public Optional<Listing> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Listing.class));
    }

    /** By id, else by slug (the site's listing page knows both). */
    public Optional<Listing> findByIdOrSlug(String idOrSlug) {
        return find(idOrSlug)
                .or(() -> Optional.ofNullable(
                        mongo.findOne(Query.query(Criteria.where("slug").is(idOrSlug)), Listing.class)));
    }
}
