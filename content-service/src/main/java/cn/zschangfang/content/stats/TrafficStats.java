package cn.zschangfang.content.stats;

import cn.zschangfang.content.config.ContentProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.DateOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Dashboard statistics over the counted view events (collection {@code views}, written by the view counter), so
 * they agree with the article counters. Buckets use {@code $dateToString} and a stored local {@code day} rather than
 * {@code $dateTrunc}, which the local MongoDB stand-in lacks.
 */
@Service
public class TrafficStats {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ZoneId zone;

    public TrafficStats(MongoTemplate mongo, Clock clock, ContentProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.zone = properties.statsZone();
    }

    /** An article with its views in the window. */
    public record TopArticle(String slug, String title, long views) {}

    /** One point of a time series. */
    public record Point(String at, long views) {}

    /** Unique visitors of one local day. */
    public record DayVisitors(String day, long visitors, long views) {}

    public List<TopArticle> top(Duration window, int limit) {
        Instant since = clock.instant().minus(window);
        Aggregation agg = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("occurredAt").gte(Date.from(since))),
                Aggregation.group("articleId").count().as("views"),
                Aggregation.sort(Sort.by(Sort.Order.desc("views"), Sort.Order.asc("_id"))),
                Aggregation.limit(limit));
        List<Document> rows = mongo.aggregate(agg, "views", Document.class).getMappedResults();
        List<String> ids = rows.stream().map(d -> d.getString("_id")).toList();
        Query q = Query.query(Criteria.where("_id").in(ids));
        q.fields().include("slug", "title");
        Map<String, Document> articles = new HashMap<>();
        mongo.find(q, Document.class, "articles").forEach(a -> articles.put(a.getString("_id"), a));
        List<TopArticle> out = new ArrayList<>();
        for (Document row : rows) {
            Document a = articles.get(row.getString("_id"));
            if (a != null) { // deleted articles drop out of the ranking
                out.add(new TopArticle(
                        a.getString("slug"), a.getString("title"), ((Number) row.get("views")).longValue()));
            }
        }
        return out;
    }

    /** Views per minute (UTC minute starts) for the last {@code minutes} minutes, current minute included, zeros filled. */
    public List<Point> perMinute(int minutes) {
        Instant end = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(minutes - 1L, ChronoUnit.MINUTES);
        Aggregation agg = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("occurredAt").gte(Date.from(start))),
                Aggregation.project()
                        .and(DateOperators.DateToString.dateOf("occurredAt").toString("%Y-%m-%dT%H:%M:00Z"))
                        .as("minute"),
                Aggregation.group("minute").count().as("views"));
        Map<String, Long> byMinute = new HashMap<>();
        mongo.aggregate(agg, "views", Document.class)
                .getMappedResults()
                .forEach(d -> byMinute.put(d.getString("_id"), ((Number) d.get("views")).longValue()));
        List<Point> series = new ArrayList<>(minutes);
        for (Instant t = start; !t.isAfter(end); t = t.plus(1, ChronoUnit.MINUTES)) {
            String key = t.toString();
            series.add(new Point(key, byMinute.getOrDefault(key, 0L)));
        }
        return series;
    }

    /** Unique visitors (and views) per local day for the last {@code days} days, today included. */
    public List<DayVisitors> visitorsPerDay(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = today.minusDays(days - 1L);
        Aggregation agg = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("day").gte(first.toString())),
                Aggregation.group("day", "visitorId").count().as("views"),
                Aggregation.group("_id.day").count().as("visitors").sum("views").as("views"));
        Map<String, Document> byDay = new HashMap<>();
        mongo.aggregate(agg, "views", Document.class)
                .getMappedResults()
                .forEach(d -> byDay.put(String.valueOf(d.get("_id")), d));
        List<DayVisitors> out = new ArrayList<>(days);
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            Document row = byDay.get(d.toString());
            out.add(new DayVisitors(
                    d.toString(),
                    row == null ? 0 : ((Number) row.get("visitors")).longValue(),
                    row == null ? 0 : ((Number) row.get("views")).longValue()));
        }
        return out;
    }
}
