package cn.zschangfang.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zschangfang.content.config.ContentProperties;
import cn.zschangfang.content.config.DevelopmentSecretsGuard;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DevelopmentSecretsGuardTest {

    private static ContentProperties withToken(String token) {
        return new ContentProperties(
                token,
                Duration.ofSeconds(30),
                ZoneId.of("Asia/Shanghai"),
                new ContentProperties.Views(
                        Duration.ofMinutes(30),
                        List.of(),
                        false,
                        Duration.ofSeconds(1),
                        10,
                        Duration.ZERO,
                        Duration.ZERO));
    }

    @Test
    void refusesTheDevelopmentTokenOutsideProfileLocalNamingTheVariableNotTheValue() {
        assertThatThrownBy(() -> new DevelopmentSecretsGuard(new MockEnvironment(), withToken("local-admin-token")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ADMIN_TOKEN")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("local-admin-token"));
    }

    @Test
    void acceptsTheDevelopmentTokenInProfileLocalAndARealTokenAnywhere() {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThatNoException().isThrownBy(() -> new DevelopmentSecretsGuard(local, withToken("local-admin-token")));
        assertThatNoException()
                .isThrownBy(() -> new DevelopmentSecretsGuard(new MockEnvironment(), withToken("s3cr3t-prod-token")));
    }
}
