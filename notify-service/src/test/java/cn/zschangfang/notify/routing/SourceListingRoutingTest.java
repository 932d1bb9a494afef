package cn.zschangfang.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import cn.zschangfang.notify.agent.WorkingHours;
import cn.zschangfang.notify.lead.Lead;
import cn.zschangfang.notify.support.AgentSpecBuilder;
import cn.zschangfang.notify.support.LeadBuilder;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A lead from a listing goes to the listing's agent first, and by territory when that agent cannot take it. */
class SourceListingRoutingTest {

    /** Monday 2026-03-02 10:00 in Shanghai. */
    private static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");
    /** The same Monday, 19:00 in Shanghai. */
    private static final Instant MONDAY_19 = Instant.parse("2026-03-02T11:00:00Z");

    private static final List<WorkingHours> OFFICE = List.of(
            new WorkingHours(List.of("MON", "TUE", "WED", "THU", "FRI"), LocalTime.of(8, 30), LocalTime.of(18, 0)));

    @RegisterExtension
    final TestRouters routing = new TestRouters("listing-routing");

    @BeforeEach
    void setUp() {
        routing.seed(
                AgentSpecBuilder.agent("town-agent").wecom(robot("town-agent")).towns(List.of(routing.town())));
        routing.seed(AgentSpecBuilder.agent("duty")
                .wecom(robot("duty"))
                .role(cn.zschangfang.notify.agent.AgentRole.MANAGER));
    }

    private Router router(Instant now) {
        return routing.router(Map.of(), now);
    }

    private static String robot(String id) {
        return "http://127.0.0.1:9/robot/" + id;
    }

    /** A listing owner in another town, office hours only: the listing, not the town, makes them the first choice. */
    private void owner(AgentSpecBuilder spec) {
        routing.seed(spec.towns(List.of("别的镇")).workingHours(OFFICE));
    }

    private Lead leadFrom(String listingAgentId) {
        return LeadBuilder.lead(UUID.randomUUID().toString())
                .wants("LEASE", "FACTORY", routing.town())
                .sourceListing(new Lead.SourceListing("lst-1", "torch-factory-1", "火炬开发区标准厂房", listingAgentId))
                .build();
    }

    @Test
    void activeReachableOwnerInWorkingHoursGetsTheLeadBeforeTheTownsAgent() {
        owner(AgentSpecBuilder.agent("owner").wecom(robot("owner")));

        RoutingDecision d = router(MONDAY_10).route(leadFrom("owner"), List.of());

        assertThat(d.agentIds()).containsExactly("owner");
        assertThat(d.strategy()).isEqualTo(RoutedBy.SOURCE_LISTING);
        assertThat(d.reason()).isEqualTo("房源负责人");
    }

    static Stream<Arguments> ownersWhoCannotTakeTheLead() {
        return Stream.of(
                arguments(
                        "outside working hours",
                        AgentSpecBuilder.agent("owner").wecom(robot("owner")),
                        MONDAY_19,
                        "房源负责人不在工作时间，按镇街分配; "),
                arguments(
                        "inactive",
                        AgentSpecBuilder.agent("owner").wecom(robot("owner")).active(false),
                        MONDAY_10,
                        "房源负责人已停用，按镇街分配"),
                // SMS only, and this deployment has no SMS credentials
                arguments(
                        "reachable by no channel",
                        AgentSpecBuilder.agent("owner").mobile("13912345678").sms(true),
                        MONDAY_10,
                        "房源负责人没有可用的通知渠道，按镇街分配"),
                arguments("unknown", null, MONDAY_10, "房源负责人不在经纪人名册中，按镇街分配"));
    }

    @ParameterizedTest(name = "owner {0}")
    @MethodSource("ownersWhoCannotTakeTheLead")
    void ownerWhoCannotTakeTheLeadFallsBackToTheTownWithTheReason(
            String why, AgentSpecBuilder owner, Instant now, String reason) {
        if (owner != null) {
            owner(owner);
        }

        RoutingDecision d = router(now).route(leadFrom("owner"), List.of());

        assertThat(d.agentIds()).containsExactly("town-agent");
        assertThat(d.strategy()).isEqualTo(RoutedBy.WEIGHTED_ROUND_ROBIN);
        assertThat(d.reason()).startsWith(reason);
    }

    @Test
    void ownerAlreadyTriedIsNotPickedAgainOnEscalation() {
        owner(AgentSpecBuilder.agent("owner").wecom(robot("owner")));

        RoutingDecision d = router(MONDAY_10).route(leadFrom("owner"), List.of("owner"));

        assertThat(d.agentIds()).containsExactly("town-agent");
        assertThat(d.reason()).doesNotContain("房源负责人");
    }

    @Test
    void leadWithoutAListingRoutesByTerritoryAsBefore() {
        owner(AgentSpecBuilder.agent("owner").wecom(robot("owner")));

        RoutingDecision d = router(MONDAY_10).route(leadFrom(null), List.of());

        assertThat(d.agentIds()).containsExactly("town-agent");
        assertThat(d.strategy()).isEqualTo(RoutedBy.WEIGHTED_ROUND_ROBIN);
    }
}
