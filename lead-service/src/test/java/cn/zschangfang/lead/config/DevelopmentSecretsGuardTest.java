package cn.zschangfang.lead.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DevelopmentSecretsGuardTest {

    private static LeadProperties properties(String admin, String keys, String altcha) {
        LeadProperties.Spam spam = new LeadProperties.Spam(null, altcha, null, null, null, null, null, null, null);
        return new LeadProperties(admin, keys, null, null, null, null, null, null, null, null, null, spam);
    }

    @Test
    void developmentDefaultsOutsideLocalNameTheVariablesToSet() {
        List<String> offending =
                DevelopmentSecretsGuard.offendingVariables(properties(null, null, null), List.of("prod"));

        assertThat(offending).containsExactly("ADMIN_TOKEN", "INTEGRATION_API_KEYS", "ALTCHA_HMAC_KEY");
    }

    @Test
    void developmentDefaultsAreFineInProfileLocal() {
        assertThat(DevelopmentSecretsGuard.offendingVariables(properties(null, null, null), List.of("local")))
                .isEmpty();
    }

    @Test
    void realSecretsPass() {
        assertThat(DevelopmentSecretsGuard.offendingVariables(
                        properties("s3cret", "partner=k-123", "h-456"), List.of()))
                .isEmpty();
    }

    @Test
    void emptySecretsAreRefusedEvenInProfileLocal() {
        assertThat(DevelopmentSecretsGuard.offendingVariables(properties("", "partner=k-123", " "), List.of("local")))
                .containsExactly("ADMIN_TOKEN", "ALTCHA_HMAC_KEY");
    }
}
