package cn.zschangfang.content.config;

import cn.zschangfang.platform.secrets.DevelopmentSecrets;
import cn.zschangfang.platform.secrets.DevelopmentSecrets.Secret;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** This service's secrets for the platform's start-up guard ({@link DevelopmentSecrets}). */
@Component
public class DevelopmentSecretsGuard {

    public DevelopmentSecretsGuard(Environment environment, ContentProperties properties) {
        DevelopmentSecrets.verify(
                environment,
                List.of(Secret.of("ADMIN_TOKEN", properties.adminToken(), ContentProperties.DEVELOPMENT_ADMIN_TOKEN)));
    }
}
