package cn.zschangfang.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntegrationKeysTest {

    @Test
    void namesTheIntegrationOfAConfiguredKey() {
        IntegrationKeys keys = IntegrationKeys.parse(" local=local-integration-key , crm = crm-key-1 ,");

        assertThat(keys.nameOf("crm-key-1")).hasValue("crm");
        assertThat(keys.nameOf("local-integration-key")).hasValue("local");
        assertThat(keys.nameOf("crm-key")).isEmpty();
        assertThat(keys.nameOf("")).isEmpty();
        assertThat(keys.nameOf(null)).isEmpty();
    }

    @Test
    void malformedPairIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> IntegrationKeys.parse("ok=1,secretwithoutname"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2")
                .hasMessageNotContaining("secretwithoutname");
    }
}
