package cn.zschangfang.notify.agent;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.notify.support.AgentSpecBuilder;
import org.junit.jupiter.api.Test;

class AgentSpecTest {

    @Test
    void mobileIsNormalisedAsTypedOnAPhoneBeforeValidation() {
        assertThat(AgentSpecBuilder.agent("a")
                        .mobile("１３９－１２３４－５６７８")
                        .build()
                        .channels()
                        .mobile())
                .isEqualTo("13912345678");
        assertThat(AgentSpecBuilder.agent("a")
                        .mobile("0086 (139) 1234.5678")
                        .build()
                        .channels()
                        .mobile())
                .isEqualTo("13912345678");
    }

    @Test
    void somethingThatIsNoMobileIsKeptAsTypedForValidationToRefuse() {
        assertThat(AgentSpecBuilder.agent("a")
                        .mobile("139abc")
                        .build()
                        .channels()
                        .mobile())
                .isEqualTo("139abc");
        assertThat(AgentSpecBuilder.agent("a").build().channels().mobile()).isNull();
    }

    @Test
    void absentGroupsMeanNoChannelAnyTerritoryAndDefaultCapacity() {
        AgentSpec spec = new AgentSpec(null, "张三", null, null, null, null, null, null);

        assertThat(spec.hasChannel()).isFalse();
        assertThat(spec.territory().covers("小榄镇", "FACTORY", "LEASE")).isTrue();
        assertThat(spec.capacity().weight()).isEqualTo(1);
        assertThat(spec.role()).isEqualTo(AgentRole.AGENT);
        assertThat(spec.active()).isTrue();
    }

    @Test
    void maskedSecretsReadAsStarsAndAPutOfTheMaskKeepsTheStoredSecret() {
        AgentSpec stored = AgentSpecBuilder.agent("a")
                .dingtalk("https://oapi.dingtalk.com/x", "SEC1")
                .build();

        AgentSpec.ChannelSettings shown = stored.channels().masked();
        assertThat(shown.dingtalkSecret()).isEqualTo("***");
        assertThat(shown.feishuSecret()).isNull();
        assertThat(shown.keepingMaskedSecretsOf(stored.channels()).dingtalkSecret())
                .isEqualTo("SEC1");
    }
}
