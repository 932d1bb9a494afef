package cn.zschangfang.notify.ack;

import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.notify.delivery.AckLinks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring acknowledgement tokens: {@code base64url(leadId|agentId|expiresEpochSecond)}.{@code
 * base64url(HMAC-SHA256)} keyed by {@code ACK_SIGNING_SECRET}. Nothing is stored; the link proves itself.
 */
@Component
public class AckTokens implements AckLinks {

    /** What a valid token says. */
    public record Claim(String leadId, String agentId, Instant expiresAt) {}

    private final byte[] secret;
    private final Clock clock;
    private final NotifyProperties properties;

    public AckTokens(NotifyProperties properties, Clock clock) {
        this.secret = properties.ack().signingSecret().getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.properties = properties;
    }

    public String issue(String leadId, String agentId) {
        long exp = clock.instant().plus(properties.ack().linkTtl()).getEpochSecond();
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((leadId + "|" + agentId + "|" + exp).getBytes(StandardCharsets.UTF_8));
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload));
    }

    @Override
    public String link(String leadId, String agentId) {
        return properties.publicBaseUrl() + "/ack/" + issue(leadId, agentId);
    }

    /** Empty when the token is malformed, forged or expired. */
    public Optional<Claim> verify(String token) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3) {
                return Optional.empty();
            }
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            if (!clock.instant().isBefore(expires)) {
                return Optional.empty();
            }
            return Optional.of(new Claim(parts[0], parts[1], expires));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
