package cn.zschangfang.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zschangfang.platform.secrets.DevelopmentSecrets.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DevelopmentSecretsTest {

    @Test
    void developmentDefaultsOutsideLocalAreRefusedNamingTheVariableNotTheValue() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");

        assertThatThrownBy(() -> DevelopmentSecrets.verify(
                        prod, List.of(Secret.of("ADMIN_TOKEN", "local-admin-token", "local-admin-token"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ADMIN_TOKEN")
                .hasMessageNotContaining("local-admin-token");
    }

    @Test
    void developmentDefaultsAreFineInProfileLocalButEmptySecretsNever() {
        List<Secret> secrets = List.of(
                Secret.of("ADMIN_TOKEN", "local-admin-token", "local-admin-token"),
                Secret.of("ACK_SIGNING_SECRET", " "),
                Secret.optional("INTEGRATION_API_KEYS", true));

        assertThat(DevelopmentSecrets.offending(secrets, List.of("local"))).containsExactly("ACK_SIGNING_SECRET");
        assertThat(DevelopmentSecrets.offending(secrets, List.of()))
                .containsExactly("ADMIN_TOKEN", "ACK_SIGNING_SECRET", "INTEGRATION_API_KEYS");
    }

    @Test
    void realSecretsPassEverywhere() {
        assertThatCode(() -> DevelopmentSecrets.verify(
                        new MockEnvironment(), List.of(Secret.of("ADMIN_TOKEN", "s3cr3t", "local-admin-token"))))
                .doesNotThrowAnyException();
    }
}
