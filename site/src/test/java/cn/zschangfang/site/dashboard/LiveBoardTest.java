package cn.zschangfang.site.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.platform.kafka.KafkaClientSecurity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveBoardTest {

    private static final Instant NOW = Instant.parse("2026-12-01T04:30:20Z"); // 12:30 in Zhongshan
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final LiveAggregates live = new LiveAggregates(clock);
    private final List<String> changed = new ArrayList<>();
    private final LiveFeed feed =
            new LiveFeed("unused:9092", KafkaClientSecurity.from(name -> null), live, changed::add);
    private final BoardAssembler assembler = new BoardAssembler(clock, Duration.ofMinutes(5));

    private static String view(String eventId, String visitor, String at) {
        return """
                {"eventId":"%s","occurredAt":"%s","articleId":"a1","slug":"seed-article","title":"对标顺德闯出新路",
                 "category":"中山产业信息","tags":["中山工业园"],"visitorId":"%s","referrer":null,"later":"ignored"}
                """.formatted(eventId, at, visitor);
    }

    @Test
    void viewsCountPerMinuteOnTopOfTheHistoryAndVisitorsAreActiveForFiveMinutes() {
        feed.handle("content.article-viewed", view("e1", "v1", "2026-12-01T04:30:05Z"));
        feed.handle("content.article-viewed", view("e1", "v1", "2026-12-01T04:30:05Z")); // redelivered
        feed.handle("content.article-viewed", view("e2", "v2", "2026-12-01T04:29:10Z"));
        feed.handle("content.article-viewed", view("e3", "v3", "2026-12-01T04:20:00Z")); // 10 minutes ago

        var history = new DashboardHistory.Snapshot(
                NOW.minusSeconds(600),
                null,
                null,
                new StatsRecords.Traffic(List.of(new StatsRecords.Point("2026-12-01T04:20:00Z", 4))),
                new StatsRecords.Top(List.of(new StatsRecords.TopArticle("other", "别的文章", 3))),
                null,
                null,
                List.of(),
                Map.of(),
                0L);
        Board board = assembler.assemble(history, live);

        assertThat(board.traffic()).hasSize(60);
        assertThat(board.traffic().get(59)).isEqualTo(new Board.Point("2026-12-01T04:30:00Z", 1));
        assertThat(board.traffic().get(58)).isEqualTo(new Board.Point("2026-12-01T04:29:00Z", 1));
        assertThat(board.traffic().get(49)).isEqualTo(new Board.Point("2026-12-01T04:20:00Z", 5));
        assertThat(board.viewsLastHour()).isEqualTo(7);
        assertThat(board.activeVisitors()).isEqualTo(2);
        assertThat(board.topNow()).first().isEqualTo(new Board.Ranked("seed-article", "对标顺德闯出新路", 3));
        assertThat(changed)
                .containsExactly("content.article-viewed", "content.article-viewed", "content.article-viewed");
    }

    @Test
    void aNewLeadIsOnTheBoardAtOnceAndCountsUntilTheHistoryHasIt() {
        var history = new DashboardHistory.Snapshot(
                NOW.minusSeconds(10), null, null, null, null, null, null, List.of(), Map.of(), null);
        feed.handle("lead.captured", """
                {"eventId":"l1","occurredAt":"2026-12-01T04:30:15Z","leadId":"lead-1","receivedAt":"2026-12-01T04:30:15Z",
                 "intent":"LEASE","propertyType":"FACTORY","town":"小榄镇","contactNameMasked":"张*",
                 "phoneMasked":"138****9793","channel":"web","score":80,"scoreReasons":[],"interests":{}}
                """);
        Board board = assembler.assemble(history, live);
        assertThat(board.recentLeads()).singleElement().satisfies(l -> {
            assertThat(l.leadId()).isEqualTo("lead-1");
            assertThat(l.what()).isEqualTo("求租厂房");
            assertThat(l.town()).isEqualTo("小榄镇");
        });
        assertThat(board.leadsToday()).isEqualTo(1);
        assertThat(changed).containsExactly("lead.captured");
    }

    @Test
    void unacknowledgedLeadsPastTheDeadlineAreMissedUntilAStatusChangeArrives() {
        var late = new StatsRecords.LeadSummary(
                "lead-2", "NOTIFIED", NOW.minusSeconds(8 * 60), "BUY", "LAND", "沙溪镇", "agt-1", "葛毅明");
        var fresh = new StatsRecords.LeadSummary(
                "lead-3", "NOTIFIED", NOW.minusSeconds(60), "LEASE", "WAREHOUSE", "沙溪镇", "agt-1", "葛毅明");
        var taken = new StatsRecords.LeadSummary(
                "lead-4", "CONTACTED", NOW.minusSeconds(3600), "LEASE", "FACTORY", "港口镇", "agt-2", "李经理");
        var history = new DashboardHistory.Snapshot(
                NOW, null, null, null, null, null, null, List.of(late, fresh, taken), Map.of(), 2L);

        Board board = assembler.assemble(history, live);
        assertThat(board.missed()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("lead-2");
            assertThat(m.what()).isEqualTo("求购土地");
            assertThat(m.lateMinutes()).isEqualTo(3);
        });
        assertThat(board.agents())
                .containsExactly(new Board.AgentLoad("agt-1", "葛毅明", 2, 2), new Board.AgentLoad("agt-2", "李经理", 1, 0));
        assertThat(board.dlqDepth()).isEqualTo(2);

        feed.handle("lead.status-changed", """
                {"eventId":"s1","occurredAt":"2026-12-01T04:30:19Z","leadId":"lead-2","status":"ACKNOWLEDGED",
                 "previousStatus":"NOTIFIED","actor":"agt-1"}
                """);
        assertThat(assembler.assemble(history, live).missed()).isEmpty();
    }

    @Test
    void failedDeliveriesOfTheLastHourAreCountedAndUnreadableEventsSkipped() {
        feed.handle("notify.delivery", """
                {"eventId":"d1","occurredAt":"2026-12-01T04:29:00Z","deliveryId":"x","leadId":"lead-1","agentId":"agt-1",
                 "channel":"WECOM","purpose":"NEW_LEAD","status":"FAILED","attempt":5,"latencyMs":5000}
                """);
        feed.handle("notify.delivery", """
                {"eventId":"d2","occurredAt":"2026-12-01T04:29:30Z","deliveryId":"y","leadId":"lead-1","agentId":"agt-1",
                 "channel":"SMS","purpose":"NEW_LEAD","status":"SENT","attempt":1,"latencyMs":300}
                """);
        feed.handle("notify.delivery", "{not json");
        Board board = assembler.assemble(null, live);
        assertThat(board.failedDeliveries()).isEqualTo(1);
        assertThat(board.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.channel()).isEqualTo("WECOM"));
        assertThat(board.stale()).isTrue();
    }
}
