package cn.zschangfang.gateway.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DevelopmentSecretsCheckTest {

    private static EdgeSecurityProperties props(String adminToken, String keys) {
        return new EdgeSecurityProperties(
                adminToken,
                keys,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                List.of("http://localhost:8080"),
                false,
                EdgeSecurityProperties.DEFAULT_CSP);
    }

    @Test
    void developmentAdminTokenRefusedOutsideLocalNamingTheVariableNotTheValue() {
        var p = props(EdgeSecurityProperties.DEV_ADMIN_TOKEN, "crm=real-key");

        assertThatThrownBy(() -> DevelopmentSecretsCheck.verify(
                        new MockEnvironment(), p, IntegrationKeys.parse(p.integrationApiKeys())))
                .hasMessageContaining("ADMIN_TOKEN")
                .hasMessageNotContaining(EdgeSecurityProperties.DEV_ADMIN_TOKEN);
    }

    @Test
    void developmentIntegrationKeyRefusedOutsideLocal() {
        var p = props("real-admin-token", "crm=real-key,local=local-integration-key");

        assertThatThrownBy(() -> DevelopmentSecretsCheck.verify(
                        new MockEnvironment(), p, IntegrationKeys.parse(p.integrationApiKeys())))
                .hasMessageContaining("INTEGRATION_API_KEYS")
                .hasMessageNotContaining("local-integration-key");
    }

    @Test
    void developmentDefaultsAcceptedInProfileLocal() {
        var p = props(EdgeSecurityProperties.DEV_ADMIN_TOKEN, EdgeSecurityProperties.DEV_INTEGRATION_API_KEYS);
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");

        assertThatCode(() -> DevelopmentSecretsCheck.verify(local, p, IntegrationKeys.parse(p.integrationApiKeys())))
                .doesNotThrowAnyException();
    }

    @Test
    void realSecretsAcceptedEverywhere() {
        var p = props("real-admin-token", "crm=real-key");

        assertThatCode(() -> DevelopmentSecretsCheck.verify(
                        new MockEnvironment(), p, IntegrationKeys.parse(p.integrationApiKeys())))
                .doesNotThrowAnyException();
    }

    @Test
    void emptyAdminTokenRefusedEvenInProfileLocal() {
        var p = props("", "crm=real-key");
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");

        assertThatThrownBy(
                        () -> DevelopmentSecretsCheck.verify(local, p, IntegrationKeys.parse(p.integrationApiKeys())))
                .hasMessageContaining("ADMIN_TOKEN");
    }
}
