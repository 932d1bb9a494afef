package cn.zschangfang.content.listing.model;

/** A photo as clients see it: the URLs of its list (480 px wide) and detail (1280 px) JPEGs. */
public record PhotoLinks(String id, String listUrl, String detailUrl, String caption, int width, int height) {

    public static PhotoLinks of(String listingId, Photo photo) {
        String base = "/api/content/listings/" + listingId + "/photos/" + photo.id();
        return new PhotoLinks(
                photo.id(), base + "/list.jpg", base + "/detail.jpg", photo.caption(), photo.width(), photo.height());
    }
}
