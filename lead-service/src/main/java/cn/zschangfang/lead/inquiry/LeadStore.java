package cn.zschangfang.lead.inquiry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * All writes to a lead after its insert, each a single atomic document update: a status change, its timeline
 * entry and its outbox event land together or not at all (the stand-in and the design both avoid transactions).
 */
@Component
public class LeadStore {

    /** Listings already recorded as matching the lead (reverse matching); only ever queried, not read into Lead. */
    public static final String MATCHED_LISTING_IDS = "matchedListingIds";

    /**
     * Keys ({@code consumer:eventId}) of the incoming events already applied to the lead; only ever queried. Each
     * effect and its key land in one update, so a redelivery is recognised and a crash never leaves a key without
     * its effect (a separate marker written first could).
     */
    public static final String APPLIED_EVENTS = "appliedEvents";

    private final MongoTemplate mongo;
    private final LeadRepository repository;

    public LeadStore(MongoTemplate mongo, LeadRepository repository) {
        this.mongo = mongo;
        this.repository = repository;
    }

    public Lead insert(Lead lead) {
        return repository.insert(lead);
    }

    public Optional<Lead> find(String id) {
        return repository.findById(id);
    }

    /**
     * The lead's status and its two timestamps, nothing else: a status move decides on these, and reading the whole
     * lead (timeline, matches, reading history) for it was 13.5 % of lead-service's CPU while it applied notify's
     * events (JFR, session 17). The other fields of the returned lead are empty.
     */
    public Optional<Lead> findStatus(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include("status").include("notifiedAt").include("acknowledgedAt");
        return Optional.ofNullable(mongo.findOne(query, Lead.class));
    }

    public void appendTimeline(String id, TimelineEntry entry) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().push("timeline", entry), Lead.class);
    }

    /**
     * Moves the lead from {@code from} to {@code to} only if it is still in {@code from} (a concurrent change wins
     * and this one reports empty), with its timeline entry, outbox event and any extra fields.
     *
     * @return the lead as it is after the change, so its pending events can be published without reading it back
     */
    public Optional<Lead> changeStatus(
            String id, LeadStatus from, LeadStatus to, TimelineEntry entry, PendingEvent event, Update extra) {
        return changeStatus(id, from, to, List.of(entry), event, extra, null);
    }

    /**
     * As {@link #changeStatus(String, LeadStatus, LeadStatus, TimelineEntry, PendingEvent, Update)}, with several
     * timeline entries in order and, when {@code eventKey} is set, only if that event was not applied yet, recording
     * it as applied in the same update.
     */
    public Optional<Lead> changeStatus(
            String id,
            LeadStatus from,
            LeadStatus to,
            List<TimelineEntry> entries,
            PendingEvent event,
            Update extra,
            String eventKey) {
        Update update = extra == null ? new Update() : extra;
        update.set("status", to).push("timeline").each(entries.toArray());
        update.push("pendingEvents", event);
        Criteria filter = Criteria.where("_id").is(id).and("status").is(from);
        if (eventKey != null) {
            filter = filter.and(APPLIED_EVENTS).ne(eventKey);
            update.push(APPLIED_EVENTS, eventKey);
        }
        Lead changed = mongo.findAndModify(
                Query.query(filter), update, FindAndModifyOptions.options().returnNew(true), Lead.class);
        return Optional.ofNullable(changed);
    }

    /**
     * Applies {@code fields} and appends {@code entries} unless the event {@code eventKey} was applied already, and
     * records it as applied, in one update.
     *
     * @return false when the event was applied before (or the lead is gone)
     */
    public boolean applyOnce(String id, String eventKey, List<TimelineEntry> entries, Update fields) {
        Update update = fields == null ? new Update() : Update.fromDocument(fields.getUpdateObject());
        if (!entries.isEmpty()) {
            update.push("timeline").each(entries.toArray());
        }
        update.push(APPLIED_EVENTS, eventKey);
        return updateUnlessHolding(id, APPLIED_EVENTS, eventKey, update);
    }

    /** Whether the event {@code eventKey} was applied to the lead (see {@link #APPLIED_EVENTS}). */
    public boolean applied(String id, String eventKey) {
        return mongo.exists(
                Query.query(Criteria.where("_id").is(id).and(APPLIED_EVENTS).is(eventKey)), Lead.class);
    }

    /**
     * Records once that a newly published listing fits the lead: its timeline entry and, on the one lead that carries
     * it, the agent's {@code lead.listing-matched} event, in one update conditional on the listing not being recorded
     * yet ({@code matchedListingIds}), so a redelivered or repeated publication adds nothing.
     *
     * @return false when the listing was already recorded on this lead (or the lead is gone)
     */
    public boolean recordListingMatch(String id, String listingId, TimelineEntry entry, PendingEvent event) {
        Update update = new Update().addToSet(MATCHED_LISTING_IDS, listingId).push("timeline", entry);
        if (event != null) {
            update.push("pendingEvents", event);
        }
        return updateUnlessHolding(id, MATCHED_LISTING_IDS, listingId, update);
    }

    /**
     * Applies {@code update} only if the array {@code field} does not hold {@code value} yet (the update adds it): the
     * once-only guard of {@link #applyOnce} and {@link #recordListingMatch}.
     *
     * @return false when it did (or the lead is gone)
     */
    private boolean updateUnlessHolding(String id, String field, String value, Update update) {
        Query unlessHolding =
                Query.query(Criteria.where("_id").is(id).and(field).ne(value));
        return mongo.updateFirst(unlessHolding, update, Lead.class).getModifiedCount() == 1;
    }

    /** Updates fields of a lead without a status change. */
    public void update(String id, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, Lead.class);
    }

    public void markPublished(String id, String eventId) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)),
                new Update()
                        .pull(
                                "pendingEvents",
                                Query.query(Criteria.where("eventId").is(eventId))),
                Lead.class);
    }

    public List<String> idsWithPendingEventsBefore(Instant before, int limit) {
        Query query = Query.query(Criteria.where("pendingEvents.occurredAt").lt(before))
                .with(Sort.by("receivedAt"))
                .limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Lead.class).stream().map(Lead::id).toList();
    }

    /** Leads with something in the outbox, oldest first (bounded: for the backlog gauges). */
    public List<Lead> withPendingEvents(int limit) {
        Query query =
                Query.query(hasPendingEvents()).with(Sort.by("receivedAt")).limit(limit);
        query.fields().include("_id").include("pendingEvents.occurredAt");
        return mongo.find(query, Lead.class);
    }

    public long countWithPendingEvents() {
        return mongo.count(Query.query(hasPendingEvents()), Lead.class);
    }

    // A range on the outbox_pending index rather than $exists, which the index cannot bound: the gauges then read the
    // leads with something pending, not every lead.
    private static Criteria hasPendingEvents() {
        return Criteria.where("pendingEvents.occurredAt").gte(Instant.EPOCH);
    }

    public List<Lead> find(Query query) {
        return mongo.find(query, Lead.class);
    }

    /**
     * Leads received from {@code start} (inclusive) to {@code end}, with only what the statistics count and time by:
     * received, notified and acknowledged at, status, town, type, intent and source article.
     */
    public List<Lead> receivedBetween(Instant start, Instant end) {
        Query query = Query.query(Criteria.where("receivedAt").gte(start).lt(end));
        query.fields()
                .include(
                        "receivedAt",
                        "town",
                        "propertyType",
                        "intent",
                        "sourceArticle",
                        "notifiedAt",
                        "acknowledgedAt",
                        "status");
        return mongo.find(query, Lead.class);
    }

    /** The desk's lists: leads matching {@code criteria}, the latest received first, a page of them. */
    public List<Lead> newestFirst(Criteria criteria, long skip, int limit) {
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "receivedAt"))
                .skip(skip)
                .limit(limit);
        return mongo.find(query, Lead.class);
    }

    public long count(Criteria criteria) {
        return mongo.count(Query.query(criteria), Lead.class);
    }
}
