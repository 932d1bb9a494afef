package cn.zschangfang.content.listing.model;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A listing as stored in collection {@code listings}: the editor's {@link ListingSpec} (normalized) plus what the
 * system keeps. {@code areaSqm} and {@code smallestSqm} are copies of the spec's searched areas at the top level so
 * that the area filter is a plain indexed range. {@code pendingEvents} is the outbox (see {@link PendingEvent});
 * {@code outboxSince} is set while it is not empty, so the relay finds such listings by an index.
 *
 * @param contentHash hash of the last imported spec, so re-importing identical demo data is a no-op
 */
@Document("listings")
public record Listing(
        @Id String id,
        String slug,
        ListingSpec spec,
        Double areaSqm,
        Double smallestSqm,
        ListingStatus status,
        List<StatusChange> statusHistory,
        List<Photo> photos,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant lastVerifiedAt,
        String contentHash,
        List<PendingEvent> pendingEvents,
        Instant outboxSince) {

    public boolean isPublished() {
        return status == ListingStatus.PUBLISHED;
    }

    public List<Photo> photosOrEmpty() {
        return photos == null ? List.of() : photos;
    }

    public List<PendingEvent> pendingOrEmpty() {
        return pendingEvents == null ? List.of() : pendingEvents;
    }
}
