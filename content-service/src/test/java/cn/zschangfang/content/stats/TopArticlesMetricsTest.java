package cn.zschangfang.content.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class TopArticlesMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TrafficStats stats = mock(TrafficStats.class);
    private final TopArticlesMetrics metrics = new TopArticlesMetrics(stats, registry);

    @Test
    void oneGaugePerRankedArticleAndThoseThatLeftTheRankingAreRemoved() {
        when(stats.top(any(Duration.class), anyInt()))
                .thenReturn(List.of(new TrafficStats.TopArticle("a", "A", 7), new TrafficStats.TopArticle("b", "B", 3)))
                .thenReturn(List.of(new TrafficStats.TopArticle("b", "B", 9)));

        metrics.refresh();
        assertThat(gauges()).isEqualTo(Map.of("a", 7.0, "b", 3.0));

        metrics.refresh();
        assertThat(gauges()).isEqualTo(Map.of("b", 9.0));
    }

    @Test
    void asksForTheLastHourAndAtMostTenArticles() {
        when(stats.top(Duration.ofHours(1), 10)).thenReturn(List.of(new TrafficStats.TopArticle("a", "A", 1)));

        metrics.refresh();

        assertThat(gauges()).containsOnlyKeys("a");
    }

    @Test
    void aFailedQueryKeepsTheLastRanking() {
        when(stats.top(any(Duration.class), anyInt()))
                .thenReturn(List.of(new TrafficStats.TopArticle("a", "A", 5)))
                .thenThrow(new DataAccessResourceFailureException("down"));

        metrics.refresh();
        metrics.refresh();

        assertThat(gauges()).isEqualTo(Map.of("a", 5.0));
    }

    private Map<String, Double> gauges() {
        return registry.find("content.articles.top.views").gauges().stream()
                .collect(Collectors.toMap(g -> g.getId().getTag("slug"), Gauge::value));
    }
}
