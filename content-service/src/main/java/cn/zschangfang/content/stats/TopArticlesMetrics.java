package cn.zschangfang.content.stats;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauge {@code content.articles.top.views} (tag {@code slug}): the views of the last hour of the ten most read
 * articles, the same ranking as {@code GET /api/content/stats/top?window=1h}. A per-article counter would grow one
 * series per article ever viewed; this keeps at most {@value #LIMIT}, the ones that left the ranking removed. Every
 * instance reports the same figures (they read the shared view store), so dashboards take the max by slug.
 */
@Component
public class TopArticlesMetrics {

    private static final Logger log = LoggerFactory.getLogger(TopArticlesMetrics.class);
    static final int LIMIT = 10;
    private static final Duration WINDOW = Duration.ofHours(1);

    private final TrafficStats stats;
    private final MultiGauge gauge;
    // Micrometer holds gauge values weakly: the values live here, replaced wholesale at each refresh.
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    public TopArticlesMetrics(TrafficStats stats, MeterRegistry registry) {
        this.stats = stats;
        this.gauge = MultiGauge.builder("content.articles.top.views")
                .description("Views in the last hour of the most read articles")
                .register(registry);
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${content.metrics.top-articles-refresh:PT30S}")
    public void refresh() {
        List<TrafficStats.TopArticle> top;
        try {
            top = stats.top(WINDOW, LIMIT);
        } catch (RuntimeException e) {
            // MongoDB unreachable: keep the last ranking rather than report an empty one; its health check says why.
            log.debug("top articles not refreshed: {}", e.getClass().getSimpleName());
            return;
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>(top.size());
        for (TrafficStats.TopArticle article : top) {
            AtomicLong value = values.computeIfAbsent(article.slug(), slug -> new AtomicLong());
            value.set(article.views());
            rows.add(MultiGauge.Row.of(Tags.of("slug", article.slug()), value, AtomicLong::get));
        }
        values.keySet()
                .retainAll(top.stream().map(TrafficStats.TopArticle::slug).toList());
        gauge.register(rows, true);
    }
}
