package cn.zschangfang.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.zschangfang.notify.agent.AgentRole;
import cn.zschangfang.notify.agent.WorkingHours;
import cn.zschangfang.notify.lead.Lead;
import cn.zschangfang.notify.support.AgentSpecBuilder;
import cn.zschangfang.notify.support.LeadBuilder;
import cn.zschangfang.notify.support.TestProperties;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Routing rules against the MongoDB-wire server (state in MongoDB, as in production). */
class RouterTest {

    /** Monday 2026-03-02 10:00 in Shanghai. */
    private static final Instant MONDAY_10_SHANGHAI = Instant.parse("2026-03-02T02:00:00Z");

    @RegisterExtension
    final TestRouters routing = new TestRouters("routing");

    private static final String WRR = "WEIGHTED_ROUND_ROBIN";

    /** @param strategy the setting's text, bound as Spring Boot binds {@code ROUTING_STRATEGY} */
    private Router router(String strategy, Instant now) {
        return routing.router(Map.of("notify.routing.strategy", strategy), now);
    }

    private void agent(
            String id, int weight, Integer maxOpen, List<WorkingHours> hours, List<String> towns, String role) {
        routing.seed(AgentSpecBuilder.agent(id)
                .name(id)
                .role(AgentRole.valueOf(role))
                .wecom("http://127.0.0.1:9/robot/" + id)
                .towns(towns)
                .propertyTypes(List.of("FACTORY", "WAREHOUSE"))
                .weight(weight)
                .maxOpenLeads(maxOpen)
                .workingHours(hours));
    }

    private void agent(String id, int weight) {
        agent(id, weight, null, List.of(), List.of(routing.town()), "AGENT");
    }

    /** A lead the agent already holds open, which counts against its capacity. */
    private void openLead(String caseId, String agentId) {
        routing.mongo()
                .insert(new LeadCase(
                        caseId,
                        lead("FACTORY"),
                        RoutedBy.WEIGHTED_ROUND_ROBIN,
                        "",
                        agentId,
                        List.of(agentId),
                        LeadCaseState.OPEN,
                        Instant.now(),
                        Instant.now(),
                        0,
                        null,
                        null,
                        null));
    }

    private Lead lead(String type) {
        return LeadBuilder.lead(UUID.randomUUID().toString())
                .wants("LEASE", type, routing.town())
                .build();
    }

    @Test
    void weightedRoundRobinIsFairWithinTwoPercentOver1000LeadsFromTwoInstances() throws Exception {
        agent("w1", 1);
        agent("w2", 2);
        agent("w3", 3);
        agent("duty", 1, null, List.of(), List.of(), "MANAGER");
        Router instanceA = router(WRR, MONDAY_10_SHANGHAI);
        Router instanceB = router(WRR, MONDAY_10_SHANGHAI);
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 1000; i++) {
            Router r = i % 2 == 0 ? instanceA : instanceB;
            pool.submit(() -> {
                String id = r.route(lead("FACTORY"), List.of()).agentIds().get(0);
                counts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        assertThat(counts.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(1000);
        assertThat(counts.get("w1").get() / 1000.0).isCloseTo(1 / 6.0, within(0.02));
        assertThat(counts.get("w2").get() / 1000.0).isCloseTo(2 / 6.0, within(0.02));
        assertThat(counts.get("w3").get() / 1000.0).isCloseTo(3 / 6.0, within(0.02));
    }

    @Test
    void roundRobinStateSurvivesARestart() {
        agent("a", 1);
        agent("b", 1);
        String first = router(WRR, MONDAY_10_SHANGHAI)
                .route(lead("FACTORY"), List.of())
                .agentIds()
                .get(0);
        // a new Router (a restarted instance) continues the rotation from MongoDB
        String second = router(WRR, MONDAY_10_SHANGHAI)
                .route(lead("FACTORY"), List.of())
                .agentIds()
                .get(0);
        assertThat(List.of(first, second)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aTurnGivenBackByADecisionThatLostTheRaceIsTheNextTurnAgain() {
        agent("a", 1);
        agent("b", 1);
        Router router = router(WRR, MONDAY_10_SHANGHAI);
        RoutingDecision lost = router.route(lead("FACTORY"), List.of());

        router.giveBack(lost);

        assertThat(router.route(lead("FACTORY"), List.of()).agentIds()).isEqualTo(lost.agentIds());
    }

    @Test
    void outsideWorkingHoursInShanghaiGoesToTheDutyManager() {
        var office = List.of(
                new WorkingHours(List.of("MON", "TUE", "WED", "THU", "FRI"), LocalTime.of(8, 30), LocalTime.of(18, 0)));
        agent("office", 1, null, office, List.of(routing.town()), "AGENT");
        agent("duty", 1, null, List.of(), List.of(), "MANAGER");

        assertThat(router(WRR, MONDAY_10_SHANGHAI)
                        .route(lead("FACTORY"), List.of())
                        .agentIds())
                .containsExactly("office");
        // 2026-03-02T11:00Z = 19:00 in Shanghai, although it is office time in UTC+0 terms
        RoutingDecision evening =
                router(WRR, Instant.parse("2026-03-02T11:00:00Z")).route(lead("FACTORY"), List.of());
        assertThat(evening.agentIds()).containsExactly("duty");
        assertThat(evening.strategy()).isEqualTo(RoutedBy.DUTY_MANAGER);
        assertThat(evening.reason()).contains("working hours");
    }

    @Test
    void agentAtCapacityIsSkippedAndNoMatchGoesToTheDutyManager() {
        agent("full", 1, 1, List.of(), List.of(routing.town()), "AGENT");
        agent("free", 1, 5, List.of(), List.of(routing.town()), "AGENT");
        agent("duty", 1, null, List.of(), List.of(), "MANAGER");
        openLead("open-1", "full");

        Router r = router(WRR, MONDAY_10_SHANGHAI);
        for (int i = 0; i < 3; i++) {
            assertThat(r.route(lead("FACTORY"), List.of()).agentIds()).containsExactly("free");
        }
        RoutingDecision land = r.route(lead("LAND"), List.of()); // nobody handles land here
        assertThat(land.agentIds()).containsExactly("duty");
        assertThat(land.reason()).contains("no agent covers");
    }

    @Test
    void townsOwnAgentComesBeforeACatchAllAgentWhoTakesTheOverflow() {
        agent("owner", 1, 1, List.of(), List.of(routing.town()), "AGENT");
        agent("generalist", 1, null, List.of(), List.of(), "AGENT");
        Router r = router(WRR, MONDAY_10_SHANGHAI);

        for (int i = 0; i < 3; i++) {
            assertThat(r.route(lead("FACTORY"), List.of()).agentIds()).containsExactly("owner");
        }
        openLead("open-owner", "owner");
        assertThat(r.route(lead("FACTORY"), List.of()).agentIds()).containsExactly("generalist");
    }

    @Test
    void leastOpenLeadsPicksTheLeastLoadedAgent() {
        agent("busy", 1);
        agent("idle", 1);
        for (int i = 0; i < 3; i++) {
            openLead("busy-" + i, "busy");
        }
        RoutingDecision d = router("LEAST_OPEN", MONDAY_10_SHANGHAI).route(lead("FACTORY"), List.of());
        assertThat(d.agentIds()).containsExactly("idle");
        assertThat(d.strategy()).isEqualTo(RoutedBy.LEAST_OPEN);
    }

    @Test
    void sharedPoolBroadcastsToEveryEligibleAgent() {
        agent("p1", 1);
        agent("p2", 1);
        agent("other-town", 1, null, List.of(), List.of("别的镇"), "AGENT");
        RoutingDecision d = router("SHARED_POOL", MONDAY_10_SHANGHAI).route(lead("FACTORY"), List.of());
        assertThat(d.agentIds()).containsExactlyInAnyOrder("p1", "p2");
        assertThat(d.shared()).isTrue();
    }

    @Test
    void documentedLeastOpenSettingRoutesByOpenLeadsAndAMisspeltOneRefusesToBind() {
        assertThat(TestProperties.routing(Map.of("notify.routing.strategy", "LEAST_OPEN"))
                        .strategy())
                .isEqualTo(RoutingStrategy.LEAST_OPEN);
        assertThatThrownBy(() -> TestProperties.routing(Map.of("notify.routing.strategy", "LEAST_OPEN_LEADS")))
                .hasMessageContaining("notify.routing.strategy");
    }

    @Test
    void agentNoChannelReachesIsSkippedWithTheReasonAndTheLeadFallsBack() {
        // SMS only, but this deployment has no SMS credentials: nobody would hear about the lead
        routing.seed(AgentSpecBuilder.agent("sms-only")
                .mobile("13912345678")
                .sms(true)
                .towns(List.of(routing.town())));
        agent("duty", 1, null, List.of(), List.of(), "MANAGER");

        RoutingDecision d = router(WRR, MONDAY_10_SHANGHAI).route(lead("FACTORY"), List.of());

        assertThat(d.agentIds()).containsExactly("duty");
        assertThat(d.strategy()).isEqualTo(RoutedBy.DUTY_MANAGER);
        assertThat(d.reason()).contains("skipped sms-only: no usable channel");

        agent("reachable", 1);
        RoutingDecision next = router(WRR, MONDAY_10_SHANGHAI).route(lead("FACTORY"), List.of());
        assertThat(next.agentIds()).containsExactly("reachable");
        assertThat(next.reason()).contains("skipped sms-only");
    }
}
