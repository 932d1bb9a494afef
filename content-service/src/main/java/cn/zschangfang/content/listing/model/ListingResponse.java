package cn.zschangfang.content.listing.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/**
 * A listing in full: the spec's fields at the top level, photos with their URLs, status and dates. The status
 * history (who changed what and why) is for the back office only and absent from the public answer.
 */
public record ListingResponse(
        String id,
        String slug,
        @JsonUnwrapped ListingSpec spec,
        ListingStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<StatusChange> statusHistory,
        List<PhotoLinks> photos,
        PhotoLinks coverPhoto,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant lastVerifiedAt) {

    public static ListingResponse forPublic(Listing l) {
        return of(l, null);
    }

    public static ListingResponse forAdmin(Listing l) {
        return of(l, l.statusHistory() == null ? List.of() : l.statusHistory());
    }

    private static ListingResponse of(Listing l, List<StatusChange> history) {
        List<PhotoLinks> photos =
                l.photosOrEmpty().stream().map(p -> PhotoLinks.of(l.id(), p)).toList();
        return new ListingResponse(
                l.id(),
                l.slug(),
                l.spec(),
                l.status(),
                history,
                photos,
                photos.isEmpty() ? null : photos.get(0),
                l.createdAt(),
                l.updatedAt(),
                l.publishedAt(),
                l.lastVerifiedAt());
    }
}
