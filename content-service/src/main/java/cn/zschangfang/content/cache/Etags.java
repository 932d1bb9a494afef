package cn.zschangfang.content.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * Version tags of cached answers. The content part is a hash of the answer's JSON computed once when it is cached
 * (the same on every instance, so a client moving between instances still gets its 304), not per request as
 * {@code ShallowEtagHeaderFilter} would; the volatile part (view counts) is mixed in per request.
 */
public final class Etags {

    private Etags() {}

    /** Hex of the first 12 bytes of SHA-256 of the value's JSON. */
    public static String contentHash(JsonMapper json, Object value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(value));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A weak validator: equal JSON semantics, not necessarily equal bytes (compression, header order). */
    public static String weak(String contentHash, long... counts) {
        long mix = 17;
        for (long c : counts) {
            mix = mix * 1_000_003L + c;
        }
        return "W/\"" + contentHash + "-" + Long.toHexString(mix) + "\"";
    }
}
