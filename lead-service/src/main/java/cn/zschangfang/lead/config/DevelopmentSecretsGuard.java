package cn.zschangfang.lead.config;

import cn.zschangfang.platform.secrets.DevelopmentSecrets;
import cn.zschangfang.platform.secrets.DevelopmentSecrets.Secret;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** This service's secrets for the platform's start-up guard ({@link DevelopmentSecrets}). */
@Component
public class DevelopmentSecretsGuard {

    public DevelopmentSecretsGuard(LeadProperties properties, Environment environment) {
        DevelopmentSecrets.verify(environment, secrets(properties));
    }

    /** Names of the environment variables whose secret is empty or still has its development default. */
    static List<String> offendingVariables(LeadProperties properties, List<String> activeProfiles) {
        return DevelopmentSecrets.offending(secrets(properties), activeProfiles);
    }

    private static List<Secret> secrets(LeadProperties properties) {
        return List.of(
                Secret.of("ADMIN_TOKEN", properties.adminToken(), LeadProperties.DEV_ADMIN_TOKEN),
                Secret.optional(
                        "INTEGRATION_API_KEYS", properties.apiKeysByKey().containsKey("local-integration-key")),
                Secret.of("ALTCHA_HMAC_KEY", properties.spam().altchaHmacKey(), LeadProperties.DEV_ALTCHA_KEY));
    }
}
