package cn.zschangfang.content.listing.photo;

import java.util.Optional;

/** Where photo renditions are kept, by key {@code <listingId>/<photoId>/<list|detail>.jpg}. */
public interface PhotoStorage {

    void put(String key, byte[] jpeg);

    Optional<byte[]> get(String key);

    void delete(String key);

    static String key(String listingId, String photoId, Rendition rendition) {
        return listingId + "/" + photoId + "/" + rendition.fileName();
    }
}
