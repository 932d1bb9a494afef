package cn.zschangfang.notify.config;

import cn.zschangfang.platform.secrets.DevelopmentSecrets;
import cn.zschangfang.platform.secrets.DevelopmentSecrets.Secret;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** This service's secrets for the platform's start-up guard ({@link DevelopmentSecrets}). */
@Component
public class DevelopmentSecretsGuard {

    public DevelopmentSecretsGuard(Environment environment, NotifyProperties properties) {
        DevelopmentSecrets.verify(
                environment,
                List.of(
                        Secret.of("ADMIN_TOKEN", properties.adminToken(), NotifyProperties.DEV_ADMIN_TOKEN),
                        Secret.of(
                                "ACK_SIGNING_SECRET",
                                properties.ack().signingSecret(),
                                NotifyProperties.DEV_ACK_SECRET)));
    }
}
