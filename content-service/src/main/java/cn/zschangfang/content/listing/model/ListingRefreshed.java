package cn.zschangfang.content.listing.model;

/**
 * In-process notice that a listing document was written (after the write), whatever its status: the public read
 * caches drop listings at once and tell the other instances on {@code content.listing-refreshed}. Unlike the
 * matching events it also covers what only the public pages show (photos, verification).
 */
public record ListingRefreshed(String listingId, String slug, Change change) {

    /** What happened, as in the event's {@code change} field. */
    public enum Change {
        CREATED,
        UPDATED,
        STATUS_CHANGED,
        PHOTOS_CHANGED,
        VERIFIED
    }
}
