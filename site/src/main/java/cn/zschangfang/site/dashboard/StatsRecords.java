package cn.zschangfang.site.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The stats APIs as the dashboard reads them ({@code GET /api/leads/stats}, {@code GET
 * /api/content/stats/top|traffic}): tolerant records of our own, only the fields the board shows.
 */
public final class StatsRecords {

    private StatsRecords() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DayCount(String day, String key, long count) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Conversion(String slug, String title, long views, long leads, double rate) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Percentiles(long count, Long p50Ms, Long p90Ms) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LeadStats(
            long total,
            List<DayCount> byDayAndTown,
            List<DayCount> byDayAndPropertyType,
            List<DayCount> byDayAndIntent,
            List<DayCount> byDayAndSourceArticle,
            List<Conversion> articleConversion,
            Percentiles timeToNotify,
            Percentiles timeToAcknowledge) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TopArticle(String slug, String title, long views) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Top(List<TopArticle> items) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Point(String at, long views) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Traffic(List<Point> series) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LeadSummary(
            String id,
            String status,
            java.time.Instant receivedAt,
            String intent,
            String propertyType,
            String town,
            String assigneeId,
            String assigneeName) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LeadPage(List<LeadSummary> items, long total) {}
}
