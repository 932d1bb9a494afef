package cn.zschangfang.site.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineTextTest {

    private final TimelineText text = new TimelineText(new LeadText());

    @Test
    void codesLeadServiceWritesBecomeChineseAndNotesStayAsWritten() {
        assertThat(text.detail("STATUS_CHANGED", "ACKNOWLEDGED → CONTACTED: 已电话沟通"))
                .isEqualTo("已接单 → 已联系: 已电话沟通");
        assertThat(text.detail("DELIVERY", "NEW_LEAD via WECOM to demo-geyiming: SENT (attempt 1)"))
                .isEqualTo("新询盘通知 · 企业微信 · 已送达（第 1 次）");
        assertThat(text.detail("ROUTED", "分配给 葛毅明（WEIGHTED_ROUND_ROBIN）")).isEqualTo("分配给 葛毅明（轮询分配）");
        assertThat(text.detail("CAPTURED", "score 80")).isEqualTo("初始评分 80");
        assertThat(text.detail("NOTE", "NEW → WON 不是状态变更")).isEqualTo("NEW → WON 不是状态变更");
    }

    @Test
    void actorsAreNamedForTheReader() {
        assertThat(text.actor("agt-1", "agt-1")).isEqualTo("我");
        assertThat(text.actor("notify-service", "agt-1")).isEqualTo("系统");
        assertThat(text.actor("admin", "agt-1")).isEqualTo("管理员");
        assertThat(text.actor("agt-2", "agt-1")).isEqualTo("agt-2");
    }
}
