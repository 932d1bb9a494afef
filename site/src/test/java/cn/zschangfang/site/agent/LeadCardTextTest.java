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

    @Test
    void sizesAreGroupedInThousandsLikeTheListingPages() {
        assertThat(text.area(new LeadRecords.Range(2000.0, 5000.0), null)).isEqualTo("2,000–5,000 ㎡");
        assertThat(text.area(new LeadRecords.Range(3600.0, null), null)).isEqualTo("3,600 ㎡");
        assertThat(text.area(null, new LeadRecords.Range(12.5, 20.0))).isEqualTo("12.5–20 亩");
        assertThat(text.grouped(1234.56)).isEqualTo("1,234.6");
        assertThat(text.number(2500.0))
                .as("kVA, heights and scores stay as the listing cards show them")
                .isEqualTo("2500");
        assertThat(text.area(null, null)).isEqualTo("—");
    }
}
