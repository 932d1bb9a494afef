package cn.zschangfang.lead.stats;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.TestLeads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadStatsControllerTest {

    private static Lead lead(long notifiedAfterMs) {
        Instant received = Instant.parse("2026-01-01T00:00:00Z");
        return TestLeads.notified(received, notifiedAfterMs < 0 ? null : received.plusMillis(notifiedAfterMs));
    }

    @Test
    void timeToNotifyPercentilesUseNearestRankAndSkipUnnotifiedLeads() {
        List<Lead> leads = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            leads.add(lead(i * 10L));
        }
        leads.add(lead(-1));

        LeadStatsController.Percentiles p = LeadStatsController.percentiles(leads, Lead::notifiedAt);

        assertThat(p.count()).isEqualTo(100);
        assertThat(p.p50Ms()).isEqualTo(500);
        assertThat(p.p90Ms()).isEqualTo(900);
        assertThat(p.p99Ms()).isEqualTo(990);
    }

    @Test
    void noNotifiedLeadsGiveEmptyPercentiles() {
        assertThat(LeadStatsController.percentiles(List.of(lead(-1)), Lead::notifiedAt))
                .isEqualTo(new LeadStatsController.Percentiles(0, null, null, null));
    }
}
