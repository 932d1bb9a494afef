package cn.zschangfang.content.listing.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Writes of the {@code listings} collection. Each change is one single-document update conditional on the status
 * the caller read (a compare-and-set; the stand-in has no transactions), and carries its outbox event in the same
 * update, so a change and the event reporting it are stored together or not at all. Every successful write also
 * publishes {@link ListingRefreshed} in-process (for the read caches).
 */
@Repository
public class ListingStore {

    private static final FindAndModifyOptions RETURN_NEW =
            FindAndModifyOptions.options().returnNew(true);

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;

    public ListingStore(MongoTemplate mongo, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
    }

    public Listing insert(Listing listing) {
        Listing stored = mongo.insert(listing);
        events.publishEvent(new ListingRefreshed(stored.id(), stored.slug(), ListingRefreshed.Change.CREATED));
        return stored;
    }

    public Optional<Listing> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Listing.class));
    }

    public Optional<Listing> findBySlug(String slug) {
        return Optional.ofNullable(
                mongo.findOne(Query.query(Criteria.where("slug").is(slug)), Listing.class));
    }

    /** Any status, newest change first. */
    public List<Listing> page(ListingStatus status, int page, int size) {
        Query query = status == null
                ? new Query()
                : Query.query(Criteria.where("status").is(status));
        query.with(Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("_id")))
                .skip((long) page * size)
                .limit(size);
        query.fields().exclude("pendingEvents", "spec.description");
        return mongo.find(query, Listing.class);
    }

    public long count(ListingStatus status) {
        return mongo.count(
                status == null
                        ? new Query()
                        : Query.query(Criteria.where("status").is(status)),
                Listing.class);
    }

    /** Replaces the spec if the status is still {@code expected}; the event (nullable) joins the outbox. */
    public Optional<Listing> replaceSpec(
            String id, ListingStatus expected, ListingSpec spec, String contentHash, Instant at, PendingEvent event) {
        Update update = new Update()
                .set("spec", spec)
                .set("slug", spec.slug())
                .set("areaSqm", spec.areaSqm())
                .set("smallestSqm", spec.smallestLettableSqm())
                .set("contentHash", contentHash)
                .set("updatedAt", at);
        return modify(id, expected, withEvent(update, event), ListingRefreshed.Change.UPDATED);
    }

    /** Moves the listing from {@code from} to {@code change.status()} if it is still in {@code from}. */
    public Optional<Listing> transition(String id, ListingStatus from, StatusChange change, PendingEvent event) {
        Update update = new Update()
                .set("status", change.status())
                .push("statusHistory", change)
                .set("updatedAt", change.at());
        if (change.status() == ListingStatus.PUBLISHED) {
            update.set("publishedAt", change.at());
        }
        return modify(id, from, withEvent(update, event), ListingRefreshed.Change.STATUS_CHANGED);
    }

    public Optional<Listing> addPhoto(String id, Photo photo, Instant at) {
        return modify(
                id,
                null,
                new Update().push("photos", photo).set("updatedAt", at),
                ListingRefreshed.Change.PHOTOS_CHANGED);
    }

    public Optional<Listing> removePhoto(String id, String photoId, Instant at) {
        return modify(
                id,
                null,
                new Update()
                        .pull(
                                "photos",
                                Query.query(Criteria.where("id").is(photoId)).getQueryObject())
                        .set("updatedAt", at),
                ListingRefreshed.Change.PHOTOS_CHANGED);
    }

    public Optional<Listing> verified(String id, Instant at) {
        return modify(
                id,
                null,
                new Update().set("lastVerifiedAt", at).set("updatedAt", at),
                ListingRefreshed.Change.VERIFIED);
    }

    /** Ids of listings with events still in the outbox since before {@code cutoff}. */
    public List<String> idsWithPendingEventsBefore(Instant cutoff, int limit) {
        Query query = Query.query(Criteria.where("outboxSince").lt(cutoff))
                .with(Sort.by("outboxSince"))
                .limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Listing.class).stream().map(Listing::id).toList();
    }

    /** Removes a sent event; the listing leaves the relay's index once its outbox is empty. */
    public void markPublished(String id, String eventId) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)),
                new Update()
                        .pull(
                                "pendingEvents",
                                Query.query(Criteria.where("eventId").is(eventId))
                                        .getQueryObject()),
                Listing.class);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id).and("pendingEvents").size(0)),
                new Update().unset("outboxSince"),
                Listing.class);
    }

    private static Update withEvent(Update update, PendingEvent event) {
        if (event != null) {
            update.push("pendingEvents", event).set("outboxSince", event.occurredAt());
        }
        return update;
    }

    /** Announces a change that happened ({@link ListingRefreshed}), so the read caches drop what they hold. */
    private Optional<Listing> modify(String id, ListingStatus expected, Update update, ListingRefreshed.Change change) {
        Criteria c = Criteria.where("_id").is(id);
        if (expected != null) {
            c = c.and("status").is(expected);
        }
        Listing updated = mongo.findAndModify(Query.query(c), update, RETURN_NEW, Listing.class);
        if (updated != null) {
            events.publishEvent(new ListingRefreshed(updated.id(), updated.slug(), change));
        }
        return Optional.ofNullable(updated);
    }
}
