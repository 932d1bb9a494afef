package cn.zschangfang.gateway.security;

import cn.zschangfang.platform.secrets.DevelopmentSecrets;
import cn.zschangfang.platform.secrets.DevelopmentSecrets.Secret;
import java.util.List;
import org.springframework.core.env.Environment;

/** The gateway's secrets for the platform's start-up guard ({@link DevelopmentSecrets}). */
public final class DevelopmentSecretsCheck {

    private DevelopmentSecretsCheck() {}

    public static void verify(Environment environment, EdgeSecurityProperties properties, IntegrationKeys keys) {
        DevelopmentSecrets.verify(
                environment,
                List.of(
                        Secret.of("ADMIN_TOKEN", properties.adminToken(), EdgeSecurityProperties.DEV_ADMIN_TOKEN),
                        Secret.optional(
                                "INTEGRATION_API_KEYS", keys.contains(EdgeSecurityProperties.DEV_INTEGRATION_KEY))));
    }
}
