package cn.zschangfang.notify.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

class DevelopmentSecretsGuardTest {

    private static NotifyProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("notify", NotifyProperties.class);
    }

    private static MockEnvironment profile(String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return environment;
    }

    @Test
    void developmentDefaultsAreRefusedOutsideLocalNamingTheVariableNotTheValue() {
        NotifyProperties defaults = bind(Map.of());

        assertThatThrownBy(() -> new DevelopmentSecretsGuard(profile("prod"), defaults))
                .hasMessageContaining("ADMIN_TOKEN")
                .hasMessageNotContaining(NotifyProperties.DEV_ADMIN_TOKEN);
        assertThatCode(() -> new DevelopmentSecretsGuard(profile("local"), defaults))
                .doesNotThrowAnyException();
    }

    @Test
    void emptySecretsAreRefusedEvenInProfileLocal() {
        NotifyProperties emptyAdmin = bind(Map.of("notify.admin-token", "", "notify.ack.signing-secret", "s3cret"));
        NotifyProperties emptyAck = bind(Map.of("notify.admin-token", "t0ken", "notify.ack.signing-secret", " "));

        assertThatThrownBy(() -> new DevelopmentSecretsGuard(profile("local"), emptyAdmin))
                .hasMessageContaining("ADMIN_TOKEN");
        assertThatThrownBy(() -> new DevelopmentSecretsGuard(profile("local"), emptyAck))
                .hasMessageContaining("ACK_SIGNING_SECRET");
    }

    @Test
    void realSecretsPassEverywhere() {
        NotifyProperties real = bind(Map.of("notify.admin-token", "t0ken", "notify.ack.signing-secret", "s3cret"));

        assertThatCode(() -> new DevelopmentSecretsGuard(profile("prod"), real)).doesNotThrowAnyException();
    }
}
