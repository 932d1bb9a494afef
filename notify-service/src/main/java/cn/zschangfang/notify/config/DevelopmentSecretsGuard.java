package cn.zschangfang.notify.config;

import java.util.Arrays;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start outside profile {@code local} while a secret still equals its development default, so a
 * production deployment cannot run with a token published in the README. Names the variable, never the value.
 */
@Component
public class DevelopmentSecretsGuard implements InitializingBean {

    private final Environment environment;
    private final NotifyProperties properties;

    public DevelopmentSecretsGuard(Environment environment, NotifyProperties properties) {
        this.environment = environment;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        // An empty secret would accept an empty bearer token or sign links with no key: refused in every profile.
        if (isBlank(properties.adminToken())) {
            throw new IllegalStateException("ADMIN_TOKEN is empty: set ADMIN_TOKEN");
        }
        if (isBlank(properties.ack().signingSecret())) {
            throw new IllegalStateException("ACK_SIGNING_SECRET is empty: set ACK_SIGNING_SECRET");
        }
        if (Arrays.asList(environment.getActiveProfiles()).contains("local")) {
            return;
        }
        if (NotifyProperties.DEV_ADMIN_TOKEN.equals(properties.adminToken())) {
            throw new IllegalStateException("ADMIN_TOKEN still has its development default: set ADMIN_TOKEN");
        }
        if (NotifyProperties.DEV_ACK_SECRET.equals(properties.ack().signingSecret())) {
            throw new IllegalStateException(
                    "ACK_SIGNING_SECRET still has its development default: set ACK_SIGNING_SECRET");
        }
    }

    private static boolean isBlank(String secret) {
        return secret == null || secret.isBlank();
    }
}
