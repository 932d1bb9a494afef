package cn.zschangfang.content.listing.admin;

import cn.zschangfang.content.listing.model.ListingSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A stable hash of a normalized spec, so re-importing the same demo data changes (and announces) nothing. */
final class ListingHash {

    private ListingHash() {}

    static String of(ListingSpec spec) {
        try {
            // A record's toString lists every component in declaration order: stable for identical content.
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(spec.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
