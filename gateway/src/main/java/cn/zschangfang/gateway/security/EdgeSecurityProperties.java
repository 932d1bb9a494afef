package cn.zschangfang.gateway.security;

import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Edge authentication, CORS and security headers.
 *
 * @param adminToken bearer token of the ADMIN role (env {@code ADMIN_TOKEN}); development default refused outside
 *     profile {@code local}
 * @param integrationApiKeys trusted server-side integrations, {@code name=key} pairs, comma separated (env
 *     {@code INTEGRATION_API_KEYS}); development default refused outside profile {@code local}
 * @param agentCacheTtl how long a positive answer of notify-service about an agent token is reused
 * @param agentNegativeCacheTtl how long a rejected agent token is remembered (keeps a token-guessing client from
 *     turning every request into a call to notify-service)
 * @param siteOrigins browser origins allowed to call the APIs cross-origin (env {@code SITE_ORIGINS}, comma separated)
 * @param sandboxPublic whether {@code /api/notify/sandbox/**} (recorded messages of the local stack) is public; only
 *     {@code application-local.yml} turns it on, elsewhere it needs ADMIN
 * @param contentSecurityPolicy the {@code Content-Security-Policy} sent with every response
 */
@ConfigurationProperties("gateway.security")
@Validated
public record EdgeSecurityProperties(
        @DefaultValue(DEV_ADMIN_TOKEN) String adminToken,
        @DefaultValue(DEV_INTEGRATION_API_KEYS) String integrationApiKeys,
        @DefaultValue("30s") @DurationMin(millis = 1) Duration agentCacheTtl,
        @DefaultValue("5s") @DurationMin(millis = 1) Duration agentNegativeCacheTtl,
        @DefaultValue("http://localhost:8080") List<String> siteOrigins,
        @DefaultValue("false") boolean sandboxPublic,
        @DefaultValue(DEFAULT_CSP) String contentSecurityPolicy) {

    public static final String DEV_ADMIN_TOKEN = "local-admin-token";
    public static final String DEV_INTEGRATION_API_KEYS = "local=local-integration-key";
    public static final String DEV_INTEGRATION_KEY = "local-integration-key";

    /** Swagger UI needs inline styles and data: images; scripts only from this origin, never framed. */
    public static final String DEFAULT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
}
