package cn.zschangfang.notify.agent;

import cn.zschangfang.platform.secrets.TokenHashes;
import java.security.SecureRandom;
import java.util.Base64;

/** Issues agent API tokens and hashes them; only the hash is stored. */
public final class AgentTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AgentTokens() {}

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "agt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** How the token is stored: its hash only ({@link TokenHashes}, the same the gateway and lead-service use). */
    public static String sha256(String token) {
        return TokenHashes.sha256(token);
    }
}
