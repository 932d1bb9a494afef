package cn.zschangfang.site.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeadNeedsTextTest {

    private final LeadText text = new LeadText();

    @Test
    void structuredNeedsAreListedWithTheirUnitsAndEmptyOnesLeftOut() {
        var needs = text.needs(new LeadRecords.Requirements(
                8.0,
                500.0,
                "GROUND_ONLY",
                "C",
                null,
                new LeadRecords.Budget(18.0, "YUAN_PER_SQM_MONTH"),
                "2027-03-01",
                36,
                "五金制品"));

        assertThat(needs)
                .extracting(LeadText.Need::label, LeadText.Need::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("层高", "≥ 8 米"),
                        org.assertj.core.groups.Tuple.tuple("配电", "≥ 500 kVA"),
                        org.assertj.core.groups.Tuple.tuple("楼层", "只限一楼"),
                        org.assertj.core.groups.Tuple.tuple("消防（生产类别）", "丙类"),
                        org.assertj.core.groups.Tuple.tuple("预算", "18 元/㎡/月"),
                        org.assertj.core.groups.Tuple.tuple("计划入驻", "2027-03-01"),
                        org.assertj.core.groups.Tuple.tuple("租期", "36 个月"),
                        org.assertj.core.groups.Tuple.tuple("行业", "五金制品"));
    }

    @Test
    void aLeadWithoutNeedsHasNone() {
        assertThat(text.needs(null)).isEmpty();
        assertThat(text.needs(new LeadRecords.Requirements(null, null, null, null, null, null, null, null, " ")))
                .isEqualTo(List.of());
    }
}
