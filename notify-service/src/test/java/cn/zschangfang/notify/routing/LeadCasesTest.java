package cn.zschangfang.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.notify.support.LeadBuilder;
import cn.zschangfang.notify.support.WireDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every change to a lead case is won by one caller only, on the MongoDB-wire server. */
class LeadCasesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    @RegisterExtension
    final WireDatabase database = new WireDatabase("lead-cases");

    private LeadCases cases;

    @BeforeEach
    void setUp() {
        cases = new LeadCases(database.mongo());
    }

    private LeadCase routed(String leadId, RoutingDecision decision, Instant at) {
        LeadCase lc = LeadCase.routed(LeadBuilder.lead(leadId).build(), decision, at, at.plusSeconds(300));
        assertThat(cases.insertOnce(lc)).isTrue();
        return lc;
    }

    private LeadCase toAgent(String leadId, String agentId) {
        return routed(leadId, new RoutingDecision(List.of(agentId), RoutedBy.WEIGHTED_ROUND_ROBIN, "r"), T0);
    }

    @Test
    void aCaseIsInsertedOnceAndTheFirstDecisionStands() {
        toAgent("l1", "a");

        assertThat(cases.insertOnce(LeadCase.routed(
                        LeadBuilder.lead("l1").build(),
                        new RoutingDecision(List.of("b"), RoutedBy.LEAST_OPEN, "other"),
                        T0,
                        T0)))
                .isFalse();
        assertThat(cases.find("l1").assignedAgentId()).isEqualTo("a");
    }

    @Test
    void onlyTheAssignedAgentAcknowledgesAndOnlyOnce() {
        toAgent("l1", "a");

        assertThat(cases.acknowledge("l1", "b", T0)).isFalse();
        assertThat(cases.acknowledge("l1", "a", T0)).isTrue();
        assertThat(cases.acknowledge("l1", "a", T0.plusSeconds(1))).isFalse();
        assertThat(cases.find("l1"))
                .extracting(LeadCase::state, LeadCase::acknowledgedBy, LeadCase::acknowledgedAt)
                .containsExactly(LeadCaseState.ACKNOWLEDGED, "a", T0);
    }

    @Test
    void anUnclaimedPoolLeadIsListedToThoseSentItUntilTheFirstClaimMakesItTheirs() {
        RoutingDecision pool = new RoutingDecision(List.of("a", "b"), RoutedBy.SHARED_POOL, "broadcast");
        routed("later", pool, T0.plusSeconds(5));
        routed("earlier", pool, T0);
        toAgent("assigned", "a");

        assertThat(cases.unclaimedPoolLeads("a")).extracting(LeadCase::leadId).containsExactly("earlier", "later");
        assertThat(cases.unclaimedPoolLeads("c")).isEmpty();

        assertThat(cases.acknowledge("earlier", "b", T0)).isTrue();
        assertThat(cases.acknowledge("earlier", "a", T0)).isFalse();
        assertThat(cases.find("earlier").assignedAgentId()).isEqualTo("b");
        assertThat(cases.unclaimedPoolLeads("a")).extracting(LeadCase::leadId).containsExactly("later");
    }

    @Test
    void aStatusReactionAcknowledgesAnOpenCaseOnceAndNeverReopensAClosedOne() {
        toAgent("l1", "a");
        toAgent("l2", "a");

        assertThat(cases.acknowledgeIfOpen("l1").state()).isEqualTo(LeadCaseState.OPEN);
        assertThat(cases.acknowledgeIfOpen("l1")).isNull();

        cases.close("l2");
        assertThat(cases.acknowledgeIfOpen("l2")).isNull();
        assertThat(cases.find("l2").state()).isEqualTo(LeadCaseState.CLOSED);
        assertThat(cases.openLeads()).containsExactlyEntriesOf(Map.of("a", 1L));
    }

    @Test
    void oneEscalationStepPerLevelOnlyWhileOpenAndPastItsDeadline() {
        LeadCase lc = toAgent("l1", "a");
        toAgent("l2", "a");
        cases.acknowledge("l2", "a", T0);

        assertThat(cases.overdue(T0.plusSeconds(299), 100)).isEmpty();
        assertThat(cases.overdue(T0.plusSeconds(300), 100))
                .extracting(LeadCase::leadId)
                .containsExactly("l1");

        Instant next = T0.plusSeconds(600);
        assertThat(cases.escalate(lc, List.of("a", "b"), next, "b")).isTrue();
        assertThat(cases.escalate(lc, List.of("a", "c"), next, "c")).isFalse();
        assertThat(cases.find("l1"))
                .extracting(LeadCase::escalationLevel, LeadCase::assignedAgentId, LeadCase::notifiedAgentIds)
                .containsExactly(1, "b", List.of("a", "b"));

        assertThat(cases.escalate(cases.find("l1"), List.of("a", "b"), next, null))
                .isTrue();
        assertThat(cases.find("l1").assignedAgentId()).isEqualTo("b");
    }

    @Test
    void theFirstDeliveryIsRecordedOnce() {
        toAgent("l1", "a");

        assertThat(cases.firstDelivered("l1", T0)).isTrue();
        assertThat(cases.firstDelivered("l1", T0.plusSeconds(1))).isFalse();
        assertThat(cases.find("l1").firstDeliveredAt()).isEqualTo(T0);
    }
}
