package cn.zschangfang.gateway.security;

import java.util.Arrays;
import org.springframework.core.env.Environment;

/**
 * Refuses to start outside profile {@code local} while a secret still equals its development default, as
 * docs/architecture.md requires. The failure names the variable to set, never the value.
 */
public final class DevelopmentSecretsCheck {

    private DevelopmentSecretsCheck() {}

    public static void verify(Environment environment, EdgeSecurityProperties properties, IntegrationKeys keys) {
        // An empty admin token would let an empty bearer token through: refused in every profile.
        if (properties.adminToken() == null || properties.adminToken().isBlank()) {
            throw new IllegalStateException("ADMIN_TOKEN is empty; set ADMIN_TOKEN");
        }
        if (Arrays.asList(environment.getActiveProfiles()).contains("local")) {
            return;
        }
        if (EdgeSecurityProperties.DEV_ADMIN_TOKEN.equals(properties.adminToken())) {
            throw new IllegalStateException(
                    "ADMIN_TOKEN still has its development default; set ADMIN_TOKEN (or run with profile local)");
        }
        if (keys.contains(EdgeSecurityProperties.DEV_INTEGRATION_KEY)) {
            throw new IllegalStateException("INTEGRATION_API_KEYS still contains the development default key; "
                    + "set INTEGRATION_API_KEYS (or run with profile local)");
        }
    }
}
