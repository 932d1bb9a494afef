package cn.zschangfang.lead.stats;

import cn.zschangfang.lead.access.Callers;
import cn.zschangfang.lead.enrichment.ReadingHistory;
import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStore;
import cn.zschangfang.platform.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/leads/stats?from=&to=} (manager/admin): leads per day by town, property type, intent and source
 * article; views-to-leads conversion per article; time-to-notify and time-to-acknowledge percentiles. Computed in
 * the service over a bounded window (at most 92 days) so it runs the same on MongoDB 8 and on the stand-in.
 */
@RestController
public class LeadStatsController {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Callers callers;
    private final LeadStore store;
    private final ReadingHistory readingHistory;
    private final Clock clock;

    public LeadStatsController(Callers callers, LeadStore store, ReadingHistory readingHistory, Clock clock) {
        this.callers = callers;
        this.store = store;
        this.readingHistory = readingHistory;
        this.clock = clock;
    }

    public record DayCount(String day, String key, long count) {}

    public record Conversion(String slug, String title, long views, long leads, double rate) {}

    public record Percentiles(long count, Long p50Ms, Long p90Ms, Long p99Ms) {}

    public record Stats(
            String from,
            String to,
            long total,
            Map<String, Long> byDay,
            List<DayCount> byDayAndTown,
            List<DayCount> byDayAndPropertyType,
            List<DayCount> byDayAndIntent,
            List<DayCount> byDayAndSourceArticle,
            List<Conversion> articleConversion,
            Percentiles timeToNotify,
            Percentiles timeToAcknowledge) {}

    @GetMapping(path = "/api/leads/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    public Stats stats(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletRequest request) {
        callers.requireManager(request);
        LocalDate toDay;
        LocalDate fromDay;
        try {
            toDay = to == null ? LocalDate.now(clock.withZone(CHINA)) : LocalDate.parse(to);
            fromDay = from == null ? toDay.minusDays(29) : LocalDate.parse(from);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(
                    List.of(new ApiException.FieldError("from", "invalid_date", "日期格式应为 yyyy-MM-dd")));
        }
        if (fromDay.isAfter(toDay) || fromDay.plusDays(92).isBefore(toDay)) {
            throw ApiException.validation(
                    List.of(new ApiException.FieldError("from", "out_of_range", "统计区间应在1到92天之间")));
        }
        Instant start = fromDay.atStartOfDay(CHINA).toInstant();
        Instant end = toDay.plusDays(1).atStartOfDay(CHINA).toInstant();
        List<Lead> leads = store.receivedBetween(start, end);

        Map<String, Long> byDay = new TreeMap<>();
        for (LocalDate d = fromDay; !d.isAfter(toDay); d = d.plusDays(1)) {
            byDay.put(d.toString(), 0L);
        }
        leads.forEach(l -> byDay.merge(day(l), 1L, Long::sum));

        Map<String, Long> leadsPerArticle = leads.stream()
                .filter(l -> l.attribution().sourceArticle() != null)
                .collect(Collectors.groupingBy(l -> l.attribution().sourceArticle(), Collectors.counting()));
        List<Conversion> conversion = new ArrayList<>();
        for (ReadingHistory.ArticleViews article : readingHistory.viewsPerArticle()) {
            long viewCount = article.views();
            long leadCount = leadsPerArticle.getOrDefault(article.slug(), 0L);
            conversion.add(new Conversion(
                    article.slug(),
                    article.title(),
                    viewCount,
                    leadCount,
                    viewCount == 0 ? 0 : (double) leadCount / viewCount));
        }
        conversion.sort((a, b) -> Long.compare(b.leads(), a.leads()));

        return new Stats(
                fromDay.toString(),
                toDay.toString(),
                leads.size(),
                byDay,
                perDay(leads, l -> l.inquiry().town()),
                perDay(
                        leads,
                        l -> l.inquiry().propertyType() == null
                                ? null
                                : l.inquiry().propertyType().name()),
                perDay(
                        leads,
                        l -> l.inquiry().intent() == null
                                ? null
                                : l.inquiry().intent().name()),
                perDay(leads, l -> l.attribution().sourceArticle()),
                conversion,
                percentiles(leads, Lead::notifiedAt),
                percentiles(leads, Lead::acknowledgedAt));
    }

    private static String day(Lead lead) {
        return lead.receivedAt().atZone(CHINA).toLocalDate().toString();
    }

    private static List<DayCount> perDay(List<Lead> leads, Function<Lead, String> key) {
        Map<String, Map<String, Long>> grouped = new TreeMap<>();
        for (Lead lead : leads) {
            String k = key.apply(lead);
            grouped.computeIfAbsent(day(lead), d -> new TreeMap<>()).merge(k == null ? "（无）" : k, 1L, Long::sum);
        }
        List<DayCount> out = new ArrayList<>();
        grouped.forEach((d, counts) -> counts.forEach((k, c) -> out.add(new DayCount(d, k, c))));
        return out;
    }

    static Percentiles percentiles(List<Lead> leads, Function<Lead, Instant> at) {
        List<Long> millis = new ArrayList<>();
        for (Lead lead : leads) {
            Instant when = at.apply(lead);
            if (when != null) {
                millis.add(Duration.between(lead.receivedAt(), when).toMillis());
            }
        }
        if (millis.isEmpty()) {
            return new Percentiles(0, null, null, null);
        }
        Collections.sort(millis);
        return new Percentiles(millis.size(), nth(millis, 0.5), nth(millis, 0.9), nth(millis, 0.99));
    }

    private static long nth(List<Long> sorted, double q) {
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
