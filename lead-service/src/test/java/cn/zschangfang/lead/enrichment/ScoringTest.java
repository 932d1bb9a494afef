package cn.zschangfang.lead.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.ValidInquiry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static ValidInquiry inquiry(
            Lead.Range sqm, Double tax, String company, String use, String message, String source) {
        return new ValidInquiry(
                new Lead.Inquiry(Lead.Intent.LEASE, Lead.PropertyType.FACTORY, "沙溪镇", sqm, null, use, tax, message),
                new Lead.Contact("张三", "13800138000", company),
                source,
                null,
                false,
                null,
                null);
    }

    @Test
    void aBareInquiryScoresTheBaseOnlyWithItsReason() {
        Lead.Score score = Scoring.score(inquiry(null, null, null, null, null, null), Lead.Interests.none());

        assertThat(score.value()).isEqualTo(20);
        assertThat(score.reasons()).containsExactly("基础分 +20");
    }

    @Test
    void everyStatedFactAndReadingSignalAddsPointsAndTheSumIsCappedAt100() {
        Lead.Interests readALot = new Lead.Interests(
                List.of(new Lead.ArticleRef("a", "A"), new Lead.ArticleRef("b", "B"), new Lead.ArticleRef("c", "C")),
                List.of(),
                List.of());
        Lead.Score score = Scoring.score(
                inquiry(new Lead.Range(3000.0, 5000.0), 200.0, "中山精密", "五金", "需要单层厂房，层高8米以上，配电500kVA，尽快入驻", "slug"),
                readALot);

        assertThat(score.value()).isEqualTo(100);
        assertThat(score.reasons()).hasSize(11).contains("提交前阅读过3篇文章 +10", "预计年纳税额不少于100万元 +10");
        int sum = score.reasons().stream()
                .mapToInt(r -> Integer.parseInt(r.substring(r.lastIndexOf('+') + 1)))
                .sum();
        assertThat(sum).isEqualTo(score.value());
    }
}
