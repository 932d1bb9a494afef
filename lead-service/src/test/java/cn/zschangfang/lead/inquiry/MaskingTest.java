package cn.zschangfang.lead.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void phoneKeepsPrefixAndLastFourDigits() {
        assertThat(Masking.phone("13812349793")).isEqualTo("138****9793");
    }

    @Test
    void nameKeepsOnlyTheFirstCharacter() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧*");
        assertThat(Masking.name(null)).isEmpty();
    }
}
