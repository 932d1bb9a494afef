package cn.zschangfang.notify.agent;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.notify.support.AgentSpecBuilder;
import org.junit.jupiter.api.Test;

class MobilesTest {

    @Test
    void fullWidthDigitsCountryCodeAndSeparatorsAreNormalisedBeforeValidation() {
        assertThat(Mobiles.normalize("１３９１２３４５６７８")).isEqualTo("13912345678");
        assertThat(Mobiles.normalize("+86 139-1234-5678")).isEqualTo("13912345678");
        assertThat(Mobiles.normalize("＋８６ １３９　１２３４　５６７８")).isEqualTo("13912345678");
        assertThat(Mobiles.normalize("0086 (139) 1234.5678")).isEqualTo("13912345678");
        assertThat(AgentSpecBuilder.agent("a")
                        .mobile("１３９－１２３４－５６７８")
                        .build()
                        .channels()
                        .mobile())
                .isEqualTo("13912345678");
    }

    @Test
    void anythingElseIsLeftForValidationToRefuse() {
        assertThat(Mobiles.normalize("139abc")).isEqualTo("139abc");
        assertThat(Mobiles.normalize("139+1234")).isEqualTo("139+1234");
        assertThat(Mobiles.normalize("123")).isEqualTo("123");
        assertThat(Mobiles.normalize(null)).isNull();
    }
}
