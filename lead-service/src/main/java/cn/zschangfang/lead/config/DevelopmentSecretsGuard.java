package cn.zschangfang.lead.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start outside profile {@code local} while a secret still equals its development default, so a
 * production deployment cannot run with the publicly known {@code local-admin-token}. The message names the
 * variables to set, never their values.
 */
@Component
public class DevelopmentSecretsGuard {

    public DevelopmentSecretsGuard(LeadProperties properties, Environment environment) {
        List<String> offending = offendingVariables(properties, Arrays.asList(environment.getActiveProfiles()));
        if (!offending.isEmpty()) {
            throw new IllegalStateException("Empty secrets, or development secrets outside profile 'local': set "
                    + String.join(", ", offending) + " to non-default values");
        }
    }

    /** Names of the environment variables whose secret still has its development default. */
    static List<String> offendingVariables(LeadProperties properties, List<String> activeProfiles) {
        List<String> offending = new ArrayList<>();
        // An empty secret would let an empty bearer token through: refused in every profile.
        if (isBlank(properties.adminToken())) {
            offending.add("ADMIN_TOKEN");
        }
        if (isBlank(properties.spam().altchaHmacKey())) {
            offending.add("ALTCHA_HMAC_KEY");
        }
        if (activeProfiles.contains("local")) {
            return offending;
        }
        if (LeadProperties.DEV_ADMIN_TOKEN.equals(properties.adminToken())) {
            offending.add("ADMIN_TOKEN");
        }
        if (properties.apiKeysByKey().containsKey("local-integration-key")) {
            offending.add("INTEGRATION_API_KEYS");
        }
        if (LeadProperties.DEV_ALTCHA_KEY.equals(properties.spam().altchaHmacKey())) {
            offending.add("ALTCHA_HMAC_KEY");
        }
        return offending;
    }

    private static boolean isBlank(String secret) {
        return secret == null || secret.isBlank();
    }
}
