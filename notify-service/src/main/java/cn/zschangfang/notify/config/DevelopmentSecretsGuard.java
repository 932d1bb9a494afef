package cn.zschangfang.notify.config;

import cn.zschangfang.platform.secrets.DevelopmentSecrets;
import cn.zschangfang.platform.secrets.DevelopmentSecrets.Secret;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** This service's secrets for the platform's start-up guard ({@link DevelopmentSecrets}). */
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
