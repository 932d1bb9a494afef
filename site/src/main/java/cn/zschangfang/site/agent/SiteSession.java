package cn.zschangfang.site.agent;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signed-in browser, stored server-side (collection {@code sessions} of the site's own database) so that it
 * survives a restart and any site instance serves it. Stored under the SHA-256 of the cookie value.
 *
 * @param apiToken notify's session token for this agent: the bearer of the site's lead-service calls
 * @param csrf the synchronizer token every form of this session carries
 */
@Document("sessions")
public record SiteSession(
        @Id String id,
        String agentId,
        String name,
        String role,
        String apiToken,
        String csrf,
        Instant createdAt,
        Instant expiresAt) {

    public boolean manager() {
        return "MANAGER".equals(role) || "ADMIN".equals(role);
    }
}
