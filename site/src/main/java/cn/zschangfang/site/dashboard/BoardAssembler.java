package cn.zschangfang.site.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Merges the last history read with the live increments into a {@link Board}. */
public class BoardAssembler {

    private static final Map<String, String> INTENT = Map.of("LEASE", "求租", "BUY", "求购");
    private static final Map<String, String> TYPE =
            Map.of("FACTORY", "厂房", "LAND", "土地", "WAREHOUSE", "仓库", "OFFICE", "写字楼");
    private static final Set<String> AWAITING = Set.of("NEW", "ROUTED", "NOTIFIED");

    private final Clock clock;
    private final Duration ackDeadline;

    public BoardAssembler(Clock clock, Duration ackDeadline) {
        this.clock = clock;
        this.ackDeadline = ackDeadline;
    }

    public Board assemble(DashboardHistory.Snapshot h, LiveAggregates live) {
        Instant now = clock.instant();
        String today = LocalDate.ofInstant(now, DashboardHistory.CHINA).toString();

        // views per minute over the last hour: history + live increments since it was read
        Map<Instant, Long> perMinute = new TreeMap<>();
        Instant end = now.truncatedTo(ChronoUnit.MINUTES);
        for (int i = 59; i >= 0; i--) {
            perMinute.put(end.minus(i, ChronoUnit.MINUTES), 0L);
        }
        if (h != null && h.traffic() != null && h.traffic().series() != null) {
            for (StatsRecords.Point p : h.traffic().series()) {
                try {
                    Instant at = Instant.parse(p.at());
                    perMinute.computeIfPresent(at, (k, v) -> v + p.views());
                } catch (RuntimeException ignored) {
                    // a point we cannot place is left out
                }
            }
        }
        live.viewsDelta().forEach((at, n) -> perMinute.computeIfPresent(at, (k, v) -> v + n));
        List<Board.Point> traffic = perMinute.entrySet().stream()
                .map(e -> new Board.Point(e.getKey().toString(), e.getValue()))
                .toList();
        long lastHour = traffic.stream().mapToLong(Board.Point::views).sum();

        Map<String, Long> liveArticles = live.articleViewsDelta();
        List<Board.Ranked> topNow = merge(h == null ? null : h.topHour(), liveArticles, live);

        StatsRecords.LeadStats day = h == null ? null : h.today();
        StatsRecords.LeadStats week = h == null ? null : h.week();
        List<Board.Live> recent = live.recentLeads().stream()
                .map(l -> new Board.Live(
                        l.leadId(),
                        l.receivedAt(),
                        what(l.intent(), l.propertyType()),
                        l.town(),
                        l.sourceArticle(),
                        l.score()))
                .toList();
        // leads that arrived after the history was read count at once (the next read contains them)
        long liveSinceRead = h == null
                ? recent.size()
                : live.recentLeads().stream()
                        .filter(l -> l.receivedAt() != null && l.receivedAt().isAfter(h.readAt()))
                        .count();

        List<Board.Missed> missed = new ArrayList<>();
        Map<String, Board.AgentLoad> loads = new LinkedHashMap<>();
        if (h != null) {
            for (StatsRecords.LeadSummary l : h.openLeads()) {
                boolean awaiting = AWAITING.contains(l.status()) && !live.acknowledgedLive(l.id());
                if (awaiting
                        && l.receivedAt() != null
                        && l.receivedAt().plus(ackDeadline).isBefore(now)) {
                    missed.add(new Board.Missed(
                            l.id(),
                            l.town(),
                            what(l.intent(), l.propertyType()),
                            l.receivedAt(),
                            Duration.between(l.receivedAt().plus(ackDeadline), now)
                                    .toMinutes(),
                            l.assigneeName() == null ? "未分配" : l.assigneeName()));
                }
                String key = l.assigneeId() == null ? "-" : l.assigneeId();
                Board.AgentLoad prev = loads.getOrDefault(
                        key, new Board.AgentLoad(key, l.assigneeName() == null ? "未分配（共享池）" : l.assigneeName(), 0, 0));
                loads.put(
                        key,
                        new Board.AgentLoad(
                                prev.agentId(), prev.name(), prev.open() + 1, prev.awaiting() + (awaiting ? 1 : 0)));
            }
        }
        missed.sort(Comparator.comparing(Board.Missed::receivedAt));
        List<Board.AgentLoad> agents = loads.values().stream()
                .sorted(Comparator.comparingLong(Board.AgentLoad::open).reversed())
                .toList();

        List<Board.Failure> failures = live.failuresLastHour();
        return new Board(
                now,
                traffic,
                lastHour,
                live.activeVisitors(),
                topNow,
                ranked(h == null ? null : h.topDay()),
                ranked(h == null ? null : h.topWeek()),
                (day == null ? 0 : day.total()) + liveSinceRead,
                (week == null ? 0 : week.total()) + liveSinceRead,
                counts(day == null ? null : day.byDayAndTown(), today, Function.identity()),
                counts(day == null ? null : day.byDayAndPropertyType(), today, k -> TYPE.getOrDefault(k, k)),
                counts(day == null ? null : day.byDayAndIntent(), today, k -> INTENT.getOrDefault(k, k)),
                counts(day == null ? null : day.byDayAndSourceArticle(), today, k -> titleOf(k, h, live)),
                conversion(week),
                speed(day),
                speed(week),
                missed.size() > 20 ? missed.subList(0, 20) : missed,
                failures.stream().filter(f -> "FAILED".equals(f.status())).count(),
                failures.stream().limit(8).toList(),
                h == null ? null : h.dlqDepth(),
                agents,
                recent,
                h == null || Duration.between(h.readAt(), now).compareTo(Duration.ofMinutes(3)) > 0);
    }

    static String what(String intent, String type) {
        return INTENT.getOrDefault(String.valueOf(intent), "") + TYPE.getOrDefault(String.valueOf(type), "");
    }

    private static List<Board.Ranked> ranked(StatsRecords.Top top) {
        if (top == null || top.items() == null) {
            return List.of();
        }
        return top.items().stream()
                .map(t -> new Board.Ranked(t.slug(), t.title(), t.views()))
                .toList();
    }

    private static List<Board.Ranked> merge(StatsRecords.Top hour, Map<String, Long> delta, LiveAggregates live) {
        Map<String, Board.Ranked> bySlug = new HashMap<>();
        for (Board.Ranked r : ranked(hour)) {
            bySlug.put(r.slug(), r);
        }
        delta.forEach((slug, n) -> {
            Board.Ranked r = bySlug.get(slug);
            String title = r != null ? r.title() : live.title(slug);
            bySlug.put(slug, new Board.Ranked(slug, title == null ? slug : title, (r == null ? 0 : r.views()) + n));
        });
        return bySlug.values().stream()
                .sorted(Comparator.comparingLong(Board.Ranked::views).reversed())
                .limit(10)
                .toList();
    }

    private static List<Board.Count> counts(
            List<StatsRecords.DayCount> rows, String day, Function<String, String> label) {
        if (rows == null) {
            return List.of();
        }
        return rows.stream()
                .filter(r -> day.equals(r.day()))
                .sorted(Comparator.comparingLong(StatsRecords.DayCount::count).reversed())
                .map(r -> new Board.Count(r.key(), label.apply(r.key()), r.count()))
                .toList();
    }

    private static String titleOf(String slug, DashboardHistory.Snapshot h, LiveAggregates live) {
        if (h != null && h.week() != null && h.week().articleConversion() != null) {
            for (StatsRecords.Conversion c : h.week().articleConversion()) {
                if (slug.equals(c.slug()) && c.title() != null) {
                    return c.title();
                }
            }
        }
        String t = live.title(slug);
        return t == null ? slug : t;
    }

    private static List<Board.Conversion> conversion(StatsRecords.LeadStats week) {
        if (week == null || week.articleConversion() == null) {
            return List.of();
        }
        return week.articleConversion().stream()
                .filter(c -> c.views() > 0)
                .sorted(Comparator.comparingLong(StatsRecords.Conversion::leads)
                        .reversed()
                        .thenComparing(Comparator.comparingLong(StatsRecords.Conversion::views)
                                .reversed()))
                .limit(8)
                .map(c -> new Board.Conversion(c.slug(), c.title(), c.views(), c.leads(), c.rate()))
                .toList();
    }

    private static Board.Speed speed(StatsRecords.LeadStats s) {
        if (s == null) {
            return new Board.Speed(null, null, 0, null, null, 0);
        }
        StatsRecords.Percentiles n = s.timeToNotify();
        StatsRecords.Percentiles a = s.timeToAcknowledge();
        return new Board.Speed(
                n == null ? null : n.p50Ms(),
                n == null ? null : n.p90Ms(),
                n == null ? 0 : n.count(),
                a == null ? null : a.p50Ms(),
                a == null ? null : a.p90Ms(),
                a == null ? 0 : a.count());
    }
}
