package cn.zschangfang.lead.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeadStatusTest {

    @Test
    void theNormalPathIsAllowed() {
        assertThat(LeadStatus.NEW.canMoveTo(LeadStatus.ROUTED)).isTrue();
        assertThat(LeadStatus.ROUTED.canMoveTo(LeadStatus.NOTIFIED)).isTrue();
        assertThat(LeadStatus.NOTIFIED.canMoveTo(LeadStatus.ACKNOWLEDGED)).isTrue();
        assertThat(LeadStatus.ACKNOWLEDGED.canMoveTo(LeadStatus.CONTACTED)).isTrue();
        assertThat(LeadStatus.CONTACTED.canMoveTo(LeadStatus.QUALIFIED)).isTrue();
        assertThat(LeadStatus.QUALIFIED.canMoveTo(LeadStatus.WON)).isTrue();
    }

    @Test
    void skippingToAnOutcomeOrLeavingAFinalStatusIsRejected() {
        assertThat(LeadStatus.NEW.canMoveTo(LeadStatus.WON)).isFalse();
        assertThat(LeadStatus.NOTIFIED.canMoveTo(LeadStatus.QUALIFIED)).isFalse();
        assertThat(LeadStatus.WON.canMoveTo(LeadStatus.LOST)).isFalse();
        assertThat(LeadStatus.SPAM.canMoveTo(LeadStatus.ROUTED)).isFalse();
        assertThat(LeadStatus.ACKNOWLEDGED.canMoveTo(LeadStatus.ROUTED)).isFalse();
    }
}
