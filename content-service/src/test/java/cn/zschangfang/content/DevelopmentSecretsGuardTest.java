package cn.zschangfang.content;

import static cn.zschangfang.content.support.TestContentProperties.withAdminToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zschangfang.content.config.DevelopmentSecretsGuard;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DevelopmentSecretsGuardTest {

    @Test
    void refusesTheDevelopmentTokenOutsideProfileLocalNamingTheVariableNotTheValue() {
        assertThatThrownBy(
                        () -> new DevelopmentSecretsGuard(new MockEnvironment(), withAdminToken("local-admin-token")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ADMIN_TOKEN")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("local-admin-token"));
    }

    @Test
    void acceptsTheDevelopmentTokenInProfileLocalAndARealTokenAnywhere() {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThatNoException()
                .isThrownBy(() -> new DevelopmentSecretsGuard(local, withAdminToken("local-admin-token")));
        assertThatNoException()
                .isThrownBy(
                        () -> new DevelopmentSecretsGuard(new MockEnvironment(), withAdminToken("s3cr3t-prod-token")));
    }
}
