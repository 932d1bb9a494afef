package cn.zschangfang.site.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeadCardTextTest {

    private final LeadText text = new LeadText();

    @Test
    void theHeadingReadsIntentThenTypeInChineseAndKeepsAnUnknownCode() {
        assertThat(text.wanted("LEASE", "FACTORY")).isEqualTo("求租厂房");
        assertThat(text.wanted("BUY", "LAND")).isEqualTo("求购土地");
        assertThat(text.wanted("BUY", "SHOP")).isEqualTo("求购SHOP");
    }

    @Test
    void aLeadWithoutACompanyNameIsAPrivateClients() {
        assertThat(text.company("中山某五金有限公司")).isEqualTo("中山某五金有限公司");
        assertThat(text.company(null)).isEqualTo("个人客户");
        assertThat(text.company("  ")).isEqualTo("个人客户");
    }
}
