package cn.zschangfang.content.config;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Refuses to start outside profile {@code local} while a secret still equals its development default, so a
 * production deployment can never run with the token printed in the README. The message names the variable, never
 * the value.
 */
@Component
public class DevelopmentSecretsGuard {

    public DevelopmentSecretsGuard(Environment environment, ContentProperties properties) {
        if (!environment.acceptsProfiles(Profiles.of("local"))
                && ContentProperties.DEVELOPMENT_ADMIN_TOKEN.equals(properties.adminToken())) {
            throw new IllegalStateException(
                    "ADMIN_TOKEN still has its development default; set ADMIN_TOKEN (or run with profile 'local')");
        }
        if (properties.adminToken() == null || properties.adminToken().isBlank()) {
            throw new IllegalStateException("ADMIN_TOKEN is empty; set ADMIN_TOKEN");
        }
    }
}
