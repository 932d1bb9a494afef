package cn.zschangfang.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.zschangfang.notify.agent.AgentRegistry;
import cn.zschangfang.notify.agent.AgentSpec;
import cn.zschangfang.notify.agent.WebhookPolicy;
import cn.zschangfang.notify.agent.WorkingHours;
import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.notify.intake.LeadCapturedEvent;
import cn.zschangfang.notify.support.TestProperties;
import cn.zschangfang.platform.test.MongoWireServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Routing rules against the MongoDB-wire server (state in MongoDB, as in production). */
class RouterTest {

    /** Monday 2026-03-02 10:00 in Shanghai. */
    private static final Instant MONDAY_10_SHANGHAI = Instant.parse("2026-03-02T02:00:00Z");

    private MongoClient client;
    private MongoTemplate mongo;
    private String town;

    @BeforeEach
    void setUp() {
        String db = "routing-" + UUID.randomUUID();
        client = MongoClients.create(MongoWireServer.uri(db));
        mongo = new MongoTemplate(client, db);
        town = "镇-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private NotifyProperties props(String strategy) {
        return TestProperties.notify(Map.of("notify.routing.strategy", strategy, "notify.duty-manager-id", "duty"));
    }

    private Router router(String strategy, Instant now) {
        NotifyProperties p = props(strategy);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new Router(new AgentRegistry(mongo, new WebhookPolicy(p), clock), mongo, p, clock);
    }

    private void agent(
            String id, int weight, Integer maxOpen, List<WorkingHours> hours, List<String> towns, String role) {
        NotifyProperties p = props(Router.WRR);
        new AgentRegistry(mongo, new WebhookPolicy(p), Clock.systemUTC())
                .seed(new AgentSpec(
                        id,
                        id,
                        role,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        towns,
                        List.of("FACTORY", "WAREHOUSE"),
                        List.of(),
                        weight,
                        maxOpen,
                        hours,
                        true,
                        null));
    }

    private void agent(String id, int weight) {
        agent(id, weight, null, List.of(), List.of(town), "AGENT");
    }

    private LeadCapturedEvent lead(String type) {
        return new LeadCapturedEvent(
                UUID.randomUUID().toString(),
                Instant.now(),
                UUID.randomUUID().toString(),
                Instant.now(),
                "LEASE",
                type,
                town,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "web",
                50,
                List.of());
    }

    @Test
    void weightedRoundRobinIsFairWithinTwoPercentOver1000LeadsFromTwoInstances() throws Exception {
        agent("w1", 1);
        agent("w2", 2);
        agent("w3", 3);
        agent("duty", 1, null, List.of(), List.of(), "MANAGER");
        Router instanceA = router(Router.WRR, MONDAY_10_SHANGHAI);
        Router instanceB = router(Router.WRR, MONDAY_10_SHANGHAI);
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
        String first = router(Router.WRR, MONDAY_10_SHANGHAI)
                .route(lead("FACTORY"), List.of())
                .agentIds()
                .get(0);
        // a new Router (a restarted instance) continues the rotation from MongoDB
        String second = router(Router.WRR, MONDAY_10_SHANGHAI)
                .route(lead("FACTORY"), List.of())
                .agentIds()
                .get(0);
        assertThat(List.of(first, second)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void outsideWorkingHoursInShanghaiGoesToTheDutyManager() {
        var office = List.of(
                new WorkingHours(List.of("MON", "TUE", "WED", "THU", "FRI"), LocalTime.of(8, 30), LocalTime.of(18, 0)));
        agent("office", 1, null, office, List.of(town), "AGENT");
        agent("duty", 1, null, List.of(), List.of(), "MANAGER");

        assertThat(router(Router.WRR, MONDAY_10_SHANGHAI)
                        .route(lead("FACTORY"), List.of())
                        .agentIds())
                .containsExactly("office");
        // 2026-03-02T11:00Z = 19:00 in Shanghai, although it is office time in UTC+0 terms
        RoutingDecision evening =
                router(Router.WRR, Instant.parse("2026-03-02T11:00:00Z")).route(lead("FACTORY"), List.of());
        assertThat(evening.agentIds()).containsExactly("duty");
        assertThat(evening.strategy()).isEqualTo(Router.DUTY_MANAGER);
        assertThat(evening.reason()).contains("working hours");
    }

    @Test
    void agentAtCapacityIsSkippedAndNoMatchGoesToTheDutyManager() {
        agent("full", 1, 1, List.of(), List.of(town), "AGENT");
        agent("free", 1, 5, List.of(), List.of(town), "AGENT");
        agent("duty", 1, null, List.of(), List.of(), "MANAGER");
        mongo.insert(new LeadCase(
                "open-1",
                lead("FACTORY"),
                Router.WRR,
                "",
                "full",
                List.of("full"),
                LeadCase.OPEN,
                Instant.now(),
                Instant.now(),
                0,
                null,
                null,
                null));

        Router r = router(Router.WRR, MONDAY_10_SHANGHAI);
        for (int i = 0; i < 3; i++) {
            assertThat(r.route(lead("FACTORY"), List.of()).agentIds()).containsExactly("free");
        }
        RoutingDecision land = r.route(lead("LAND"), List.of()); // nobody handles land here
        assertThat(land.agentIds()).containsExactly("duty");
        assertThat(land.reason()).contains("no agent covers");
    }

    @Test
    void townsOwnAgentComesBeforeACatchAllAgentWhoTakesTheOverflow() {
        agent("owner", 1, 1, List.of(), List.of(town), "AGENT");
        agent("generalist", 1, null, List.of(), List.of(), "AGENT");
        Router r = router(Router.WRR, MONDAY_10_SHANGHAI);

        for (int i = 0; i < 3; i++) {
            assertThat(r.route(lead("FACTORY"), List.of()).agentIds()).containsExactly("owner");
        }
        mongo.insert(new LeadCase(
                "open-owner",
                lead("FACTORY"),
                Router.WRR,
                "",
                "owner",
                List.of("owner"),
                LeadCase.OPEN,
                Instant.now(),
                Instant.now(),
                0,
                null,
                null,
                null));
        assertThat(r.route(lead("FACTORY"), List.of()).agentIds()).containsExactly("generalist");
    }

    @Test
    void leastOpenLeadsPicksTheLeastLoadedAgent() {
        agent("busy", 1);
        agent("idle", 1);
        for (int i = 0; i < 3; i++) {
            mongo.insert(new LeadCase(
                    "busy-" + i,
                    lead("FACTORY"),
                    Router.WRR,
                    "",
                    "busy",
                    List.of("busy"),
                    LeadCase.OPEN,
                    Instant.now(),
                    Instant.now(),
                    0,
                    null,
                    null,
                    null));
        }
        RoutingDecision d = router(Router.LEAST_OPEN, MONDAY_10_SHANGHAI).route(lead("FACTORY"), List.of());
        assertThat(d.agentIds()).containsExactly("idle");
        assertThat(d.strategy()).isEqualTo(Router.LEAST_OPEN);
    }

    @Test
    void sharedPoolBroadcastsToEveryEligibleAgent() {
        agent("p1", 1);
        agent("p2", 1);
        agent("other-town", 1, null, List.of(), List.of("别的镇"), "AGENT");
        RoutingDecision d = router(Router.SHARED_POOL, MONDAY_10_SHANGHAI).route(lead("FACTORY"), List.of());
        assertThat(d.agentIds()).containsExactlyInAnyOrder("p1", "p2");
        assertThat(d.shared()).isTrue();
    }
}
