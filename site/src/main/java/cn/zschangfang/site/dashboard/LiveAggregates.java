package cn.zschangfang.site.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Small rolling in-memory figures of this instance, fed by every live event: views per minute (as increments on
 * top of the last history read), visitors seen in the last 5 minutes, per-article views, the latest leads and
 * failed deliveries. Bounded in size; events are deduplicated by {@code eventId}.
 */
public class LiveAggregates {

    static final Duration ACTIVE_WINDOW = Duration.ofMinutes(5);
    static final Duration HOUR = Duration.ofHours(1);
    private static final int MAX_SEEN = 20_000;
    private static final int MAX_RECENT = 20;

    private final Clock clock;
    private final Set<String> seen = new HashSet<>();
    private final Deque<String> seenOrder = new ArrayDeque<>();
    private final TreeMap<Instant, Long> viewsDelta = new TreeMap<>();
    private final Map<String, Map<Instant, Long>> articleDelta = new HashMap<>();
    private final Map<String, String> titles = new HashMap<>();
    private final Map<String, Instant> visitors = new HashMap<>();
    // the events themselves (receivedAt set to the arrival when missing); failures as the board shows them
    private final Deque<LiveEvents.LeadCaptured> recentLeads = new ArrayDeque<>();
    private final Deque<Board.Failure> failures = new ArrayDeque<>();
    private final Map<String, Instant> acknowledged = new LinkedHashMap<>();
    private long version;

    public LiveAggregates(Clock clock) {
        this.clock = clock;
    }

    public synchronized boolean onView(LiveEvents.ArticleViewed e) {
        if (!fresh(e.eventId())) {
            return false;
        }
        Instant at = e.occurredAt() == null ? clock.instant() : e.occurredAt();
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        viewsDelta.merge(minute, 1L, Long::sum);
        viewsDelta.headMap(minute.minus(HOUR)).clear(); // bounded even while the history cannot be read
        if (e.slug() != null) {
            articleDelta.computeIfAbsent(e.slug(), s -> new HashMap<>()).merge(minute, 1L, Long::sum);
            if (e.title() != null) {
                titles.put(e.slug(), e.title());
            }
        }
        if (e.visitorId() != null) {
            visitors.put(e.visitorId(), at);
        }
        version++;
        return true;
    }

    public synchronized boolean onLead(LiveEvents.LeadCaptured e) {
        if (!fresh(e.eventId()) || e.leadId() == null) {
            return false;
        }
        recentLeads.addFirst(
                e.receivedAt() != null
                        ? e
                        : new LiveEvents.LeadCaptured(
                                e.eventId(),
                                e.leadId(),
                                clock.instant(),
                                e.intent(),
                                e.propertyType(),
                                e.town(),
                                e.sourceArticle(),
                                e.channel(),
                                e.score()));
        while (recentLeads.size() > MAX_RECENT) {
            recentLeads.removeLast();
        }
        version++;
        return true;
    }

    public synchronized boolean onStatus(LiveEvents.StatusChanged e) {
        if (!fresh(e.eventId()) || e.leadId() == null) {
            return false;
        }
        if (!Set.of("NEW", "ROUTED", "NOTIFIED").contains(String.valueOf(e.status()))) {
            acknowledged.put(e.leadId(), clock.instant()); // leaves the missed-deadline list before the next read
            if (acknowledged.size() > 1000) {
                acknowledged.remove(acknowledged.keySet().iterator().next());
            }
        }
        version++;
        return true;
    }

    public synchronized boolean onDelivery(LiveEvents.Delivery e) {
        if (!fresh(e.eventId())) {
            return false;
        }
        if (Set.of("FAILED", "RETRYING", "UNKNOWN").contains(String.valueOf(e.status()))) {
            failures.addFirst(new Board.Failure(
                    e.occurredAt() == null ? clock.instant() : e.occurredAt(),
                    e.leadId(),
                    e.agentId(),
                    e.channel(),
                    e.status()));
            while (failures.size() > 200) {
                failures.removeLast();
            }
        }
        version++;
        return true;
    }

    /** History was re-read at {@code at}: increments before it are in the history now. */
    public synchronized void historyReadAt(Instant at) {
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        viewsDelta.headMap(minute).clear();
        articleDelta.values().forEach(m -> m.keySet().removeIf(t -> t.isBefore(minute)));
        articleDelta.values().removeIf(Map::isEmpty);
        // the current minute's increments stay: the history read may or may not have contained them
    }

    public synchronized long version() {
        return version;
    }

    /** Views per minute of the live increments since the last history read. */
    public synchronized Map<Instant, Long> viewsDelta() {
        return new TreeMap<>(viewsDelta);
    }

    public synchronized Map<String, Long> articleViewsDelta() {
        Map<String, Long> out = new HashMap<>();
        articleDelta.forEach((slug, byMinute) -> out.put(
                slug, byMinute.values().stream().mapToLong(Long::longValue).sum()));
        return out;
    }

    public synchronized String title(String slug) {
        return titles.get(slug);
    }

    public synchronized int activeVisitors() {
        Instant since = clock.instant().minus(ACTIVE_WINDOW);
        visitors.values().removeIf(t -> t.isBefore(since));
        return visitors.size();
    }

    public synchronized List<LiveEvents.LeadCaptured> recentLeads() {
        return new ArrayList<>(recentLeads);
    }

    public synchronized List<Board.Failure> failuresLastHour() {
        Instant since = clock.instant().minus(HOUR);
        failures.removeIf(f -> f.at().isBefore(since));
        return new ArrayList<>(failures);
    }

    public synchronized boolean acknowledgedLive(String leadId) {
        return acknowledged.containsKey(leadId);
    }

    private boolean fresh(String eventId) {
        if (eventId == null) {
            return true;
        }
        if (!seen.add(eventId)) {
            return false;
        }
        seenOrder.addLast(eventId);
        if (seenOrder.size() > MAX_SEEN) {
            seen.remove(seenOrder.removeFirst());
        }
        return true;
    }
}
