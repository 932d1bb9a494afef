package cn.zschangfang.lead.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadStatusTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "NEW, ROUTED",
        "ROUTED, NOTIFIED",
        "NOTIFIED, ACKNOWLEDGED",
        "ACKNOWLEDGED, CONTACTED",
        "CONTACTED, QUALIFIED",
        "QUALIFIED, WON"
    })
    void theNormalPathIsAllowed(LeadStatus from, LeadStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"NEW, WON", "NOTIFIED, QUALIFIED", "WON, LOST", "SPAM, ROUTED", "ACKNOWLEDGED, ROUTED"})
    void skippingToAnOutcomeOrLeavingAFinalStatusIsRejected(LeadStatus from, LeadStatus to) {
        assertThat(from.canMoveTo(to)).isFalse();
    }
}
