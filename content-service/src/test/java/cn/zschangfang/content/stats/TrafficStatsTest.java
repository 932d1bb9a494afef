package cn.zschangfang.content.stats;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.content.config.ContentProperties;
import cn.zschangfang.content.support.MongoWireTest;
import cn.zschangfang.content.support.TestContentProperties;
import cn.zschangfang.content.view.ViewCounter;
import cn.zschangfang.content.view.ViewedRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statistics computed over view events stored by the real counter, on the MongoDB-wire server. */
class TrafficStatsTest extends MongoWireTest {

    static final Instant NOW = Instant.parse("2026-11-26T16:30:30Z"); // 00:30:30 on the 27th in Shanghai

    TrafficStats stats;
    ViewCounter counter;

    @BeforeEach
    void setUp() {
        ContentProperties properties = TestContentProperties.defaults();
        stats = new TrafficStats(mongo, Clock.fixed(NOW, ZoneOffset.UTC), properties);
        counter = new ViewCounter(mongo, properties, new SimpleMeterRegistry());
        for (String id : List.of("a", "b", "c")) {
            insertArticle(id, "slug-" + id, "标题" + id, 0);
        }
    }

    private void views(String article, String visitor, Instant at, int n) {
        List<ViewedRecord> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(new ViewedRecord(UUID.randomUUID().toString(), at, article, "slug-" + article, visitor));
        }
        counter.count(batch);
    }

    @Test
    void topRanksArticlesByViewsInsideTheWindowOnly() {
        views("a", "v1", NOW.minusSeconds(60), 3);
        views("b", "v1", NOW.minusSeconds(120), 5);
        views("c", "v1", NOW.minus(Duration.ofHours(3)), 10);

        assertThat(stats.top(Duration.ofHours(1), 10))
                .containsExactly(
                        new TrafficStats.TopArticle("slug-b", "标题b", 5),
                        new TrafficStats.TopArticle("slug-a", "标题a", 3));
        assertThat(stats.top(Duration.ofHours(24), 1))
                .containsExactly(new TrafficStats.TopArticle("slug-c", "标题c", 10));
    }

    @Test
    void trafficIsAPerMinuteSeriesWithZerosFilled() {
        views("a", "v1", NOW, 2); // 16:30
        views("b", "v2", NOW.minusSeconds(60), 4); // 16:29
        views("a", "v3", NOW.minusSeconds(600), 1); // 16:20, outside a 5-minute series

        List<TrafficStats.Point> series = stats.perMinute(5);
        assertThat(series)
                .containsExactly(
                        new TrafficStats.Point("2026-11-26T16:26:00Z", 0),
                        new TrafficStats.Point("2026-11-26T16:27:00Z", 0),
                        new TrafficStats.Point("2026-11-26T16:28:00Z", 0),
                        new TrafficStats.Point("2026-11-26T16:29:00Z", 4),
                        new TrafficStats.Point("2026-11-26T16:30:00Z", 2));
    }

    @Test
    void uniqueVisitorsAreCountedPerLocalDay() {
        views("a", "v1", NOW, 3); // 27th in Shanghai
        views("b", "v1", NOW, 1);
        views("a", "v2", NOW.minusSeconds(1800), 1); // 16:00 UTC = 00:00 on the 27th in Shanghai
        views("a", "v3", NOW.minusSeconds(3600), 2); // 15:30 UTC = 23:30 on the 26th in Shanghai

        assertThat(stats.visitorsPerDay(3))
                .containsExactly(
                        new TrafficStats.DayVisitors("2026-11-25", 0, 0),
                        new TrafficStats.DayVisitors("2026-11-26", 1, 2),
                        new TrafficStats.DayVisitors("2026-11-27", 2, 5));
    }
}
