package cn.zschangfang.lead.desk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.TestLeads;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeadViewsTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void aLeadStoredWithoutItsInquiryStillListsWithNullFieldsInsteadOfFailingThePage() {
        LeadViews.Summary summary = LeadViews.Summary.of(leadWith(null));

        assertThat(summary.heading().id()).isEqualTo("ZS-1");
        assertThat(summary.heading().intent()).isNull();
        assertThat(summary.heading().propertyType()).isNull();
        assertThat(summary.phoneMasked()).isEqualTo("138****8000");
    }

    @Test
    void theHeadingNamesTheIntentAndPropertyTypeByTheirEnumNames() {
        LeadViews.Heading heading = LeadViews.Summary.of(leadWith(new Lead.Inquiry(
                        Lead.Intent.BUY, Lead.PropertyType.LAND, "火炬开发区", null, null, null, null, null)))
                .heading();

        assertThat(heading.intent()).isEqualTo("BUY");
        assertThat(heading.propertyType()).isEqualTo("LAND");
        assertThat(heading.town()).isEqualTo("火炬开发区");
    }

    private static Lead leadWith(Lead.Inquiry inquiry) {
        return TestLeads.lead("ZS-1", RECEIVED, inquiry, new Lead.Contact("张三", "13800138000", "中山某厂"));
    }
}
