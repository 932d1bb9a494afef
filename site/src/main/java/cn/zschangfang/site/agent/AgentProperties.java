package cn.zschangfang.site.agent;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The agent inbox and the dashboard's sign-in ({@code site.agent.*}).
 *
 * @param serviceToken the admin bearer token the site uses for notify's internal sign-in API (env {@code
 *     ADMIN_TOKEN}); its development default is refused outside profile {@code local}
 * @param ackDeadline how long an agent has to acknowledge a lead before it escalates (notify's {@code
 *     ESCALATE_AFTER}); the inbox counts down to it
 * @param sessionTtl how long a signed-in browser stays signed in (notify's session token lives as long)
 * @param cookieName the session cookie
 */
@Validated
@ConfigurationProperties("site.agent")
public record AgentProperties(
        @NotBlank @DefaultValue("local-admin-token") String serviceToken,
        @DefaultValue("5m") Duration ackDeadline,
        @DefaultValue("7d") Duration sessionTtl,
        @NotBlank @DefaultValue("zs_agent") String cookieName) {

    public static final String DEV_SERVICE_TOKEN = "local-admin-token";
}
