package cn.zschangfang.platform.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way a bearer token is turned into what is stored, cached or compared: the hex SHA-256 of its UTF-8 bytes.
 * notify stores agent tokens only as this hash, and the gateway and lead-service key their verification caches by it,
 * so a token itself is never kept in memory longer than one request.
 */
public final class TokenHashes {

    private TokenHashes() {}

    public static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // every Java runtime must provide SHA-256
            throw new IllegalStateException(e);
        }
    }
}
