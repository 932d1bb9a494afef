package cn.zschangfang.notify.signin;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A sign-in credential, stored under the SHA-256 of the token (the token itself only ever travels in the link or
 * to the site).
 *
 * @param kind {@code LINK} (one-time, short-lived, redeemed by the site) or {@code SESSION} (the API token the site
 *     uses as the agent's bearer until sign-out or expiry)
 * @param leadId for links made from an acknowledgement: the lead the inbox opens
 * @param usedAt when a link was redeemed (a second redemption is refused)
 */
@Document("signin_tokens")
public record SigninToken(
        @Id String hash,
        String kind,
        String agentId,
        String leadId,
        Instant createdAt,
        Instant expiresAt,
        Instant usedAt) {

    public static final String LINK = "LINK";
    public static final String SESSION = "SESSION";
}
