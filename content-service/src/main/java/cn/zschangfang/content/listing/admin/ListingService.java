package cn.zschangfang.content.listing.admin;

import cn.zschangfang.content.bulk.BulkImport;
import cn.zschangfang.content.listing.events.ListingEventPublisher;
import cn.zschangfang.content.listing.events.ListingEvents;
import cn.zschangfang.content.listing.model.Listing;
import cn.zschangfang.content.listing.model.ListingNormalizer;
import cn.zschangfang.content.listing.model.ListingSpec;
import cn.zschangfang.content.listing.model.ListingStatus;
import cn.zschangfang.content.listing.model.ListingStore;
import cn.zschangfang.content.listing.model.PendingEvent;
import cn.zschangfang.content.listing.model.StatusChange;
import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.FieldCode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Creates, replaces and moves listings through their life cycle. Each write is a compare-and-set on the status
 * read, with its event in the same update (see {@link ListingStore}); publication follows right away off the
 * request thread, and the outbox relay retries whatever is left.
 */
@Service
public class ListingService {

    private static final String SLUG_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ListingStore store;
    private final ListingNormalizer normalizer;
    private final ListingEvents events;
    private final ListingEventPublisher publisher;
    private final AuditLog audit;
    private final Clock clock;

    public ListingService(
            ListingStore store,
            ListingNormalizer normalizer,
            ListingEvents events,
            ListingEventPublisher publisher,
            AuditLog audit,
            Clock clock) {
        this.store = store;
        this.normalizer = normalizer;
        this.events = events;
        this.publisher = publisher;
        this.audit = audit;
        this.clock = clock;
    }

    public Listing require(String id) {
        return store.find(id).orElseThrow(ApiException::notFound);
    }

    /** A new listing in {@code status} (DRAFT from the editor, PUBLISHED from the import). */
    public Listing create(ListingSpec input, ListingStatus status, String reason, Caller by) {
        String slug = input.slug() != null ? input.slug() : generatedSlug(input);
        ListingSpec spec = normalizer.normalize(input, slug);
        Instant now = now();
        String id = UUID.randomUUID().toString();
        boolean published = status == ListingStatus.PUBLISHED;
        List<PendingEvent> outbox = published ? List.of(events.published(id, spec, now)) : List.of();
        Listing listing = new Listing(
                id,
                slug,
                spec,
                spec.areaSqm(),
                spec.smallestLettableSqm(),
                status,
                List.of(new StatusChange(status, by.id(), now, reason)),
                List.of(),
                now,
                now,
                published ? now : null,
                null,
                ListingHash.of(spec),
                outbox,
                published ? now : null);
        try {
            store.insert(listing);
        } catch (DuplicateKeyException e) {
            throw ApiException.invalid("slug", FieldCode.DUPLICATE, "该 slug 已被其他房源使用");
        }
        audit.record(
                by,
                status == ListingStatus.PUBLISHED ? AuditLog.Action.IMPORTED : AuditLog.Action.CREATED,
                id,
                spec.title());
        afterWrite(listing);
        return listing;
    }

    /** Replaces what the editor wrote; a published listing announces the change ({@code listing-changed}). */
    public Listing update(String id, ListingSpec input, Caller by) {
        Listing current = require(id);
        ListingSpec spec = normalizer.normalize(input, input.slug() != null ? input.slug() : current.slug());
        Instant now = now();
        PendingEvent event = current.isPublished() ? events.changed(current, spec, now) : null;
        Listing updated;
        try {
            updated = store.replaceSpec(id, current.status(), spec, ListingHash.of(spec), now, event)
                    .orElseThrow(() -> ApiException.conflict("房源状态已被他人修改，请刷新后重试"));
        } catch (DuplicateKeyException e) {
            throw ApiException.invalid("slug", FieldCode.DUPLICATE, "该 slug 已被其他房源使用");
        }
        audit.record(by, AuditLog.Action.UPDATED, id, spec.title());
        afterWrite(updated);
        return updated;
    }

    /** One step of the life cycle; 409 when the listing's status (or deal) does not allow it. */
    public Listing changeStatus(String id, ListingStatus target, String reason, Caller by) {
        Listing current = require(id);
        if (!current.status().canBecome(target, current.spec().deal())) {
            throw ApiException.conflict("当前状态不允许该变更");
        }
        Instant now = now();
        PendingEvent event = null;
        if (target == ListingStatus.PUBLISHED) {
            event = events.published(id, current.spec(), now);
        } else if (current.isPublished() && target.isOffMarket()) {
            event = events.withdrawn(id, target, now);
        }
        Listing updated = store.transition(id, current.status(), new StatusChange(target, by.id(), now, reason), event)
                .orElseThrow(() -> ApiException.conflict("房源状态已被他人修改，请刷新后重试"));
        audit.record(by, AuditLog.Action.STATUS_CHANGED, id, current.status() + " → " + target);
        afterWrite(updated);
        return updated;
    }

    public Listing verify(String id, Caller by) {
        Listing updated = store.verified(id, now()).orElseThrow(ApiException::notFound);
        audit.record(by, AuditLog.Action.VERIFIED, id, null);
        return updated;
    }

    /** Creates (published) or replaces the listing with this slug; identical content changes nothing. */
    public BulkImport.Outcome importOne(ListingSpec input, Caller by) {
        var existing = store.findBySlug(input.slug());
        if (existing.isEmpty()) {
            create(input, ListingStatus.PUBLISHED, "导入", by);
            return BulkImport.Outcome.CREATED;
        }
        ListingSpec spec = normalizer.normalize(input, input.slug());
        if (ListingHash.of(spec).equals(existing.get().contentHash())) {
            return BulkImport.Outcome.UNCHANGED;
        }
        update(existing.get().id(), input, by);
        return BulkImport.Outcome.UPDATED;
    }

    /** MongoDB keeps milliseconds: events carry the same instant the document does. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void afterWrite(Listing listing) {
        if (!listing.pendingOrEmpty().isEmpty()) {
            publisher.publishSoon(listing.id());
        }
    }

    /** e.g. {@code standard-factory-3200sqm-k3x9qa}: readable, unique enough, ASCII. */
    static String generatedSlug(ListingSpec spec) {
        StringBuilder slug = new StringBuilder(
                spec.propertyType().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        Double area = spec.buildingAreaTotal() != null ? spec.buildingAreaTotal() : spec.lotSizeArea();
        if (area != null) {
            slug.append('-').append(Math.round(area)).append("sqm");
        }
        slug.append('-');
        for (int i = 0; i < 6; i++) {
            slug.append(SLUG_ALPHABET.charAt(RANDOM.nextInt(SLUG_ALPHABET.length())));
        }
        return slug.toString();
    }
}
