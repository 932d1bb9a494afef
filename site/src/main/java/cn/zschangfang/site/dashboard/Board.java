package cn.zschangfang.site.dashboard;

import java.time.Instant;
import java.util.List;

/** What a dashboard screen shows, as pushed to it (JSON over Server-Sent Events) and rendered first. */
public record Board(
        Instant at,
        List<Point> traffic,
        long viewsLastHour,
        int activeVisitors,
        List<Ranked> topNow,
        List<Ranked> top24h,
        List<Ranked> top7d,
        long leadsToday,
        long leadsWeek,
        List<Count> byTown,
        List<Count> byType,
        List<Count> byIntent,
        List<Count> bySource,
        List<Conversion> conversion,
        Speed speedToday,
        Speed speedWeek,
        List<Missed> missed,
        long failedDeliveries,
        List<Failure> failures,
        Long dlqDepth,
        List<AgentLoad> agents,
        List<Live> recentLeads,
        boolean stale) {

    public record Point(String at, long views) {}

    public record Ranked(String slug, String title, long views) {}

    public record Count(String key, String label, long count) {}

    public record Conversion(String slug, String title, long views, long leads, double rate) {}

    /** Milliseconds from receipt to the agent's phone and to the agent's acknowledgement. */
    public record Speed(Long notifyP50, Long notifyP90, long notified, Long ackP50, Long ackP90, long acknowledged) {}

    public record Missed(String id, String town, String what, Instant receivedAt, long lateMinutes, String assignee) {}

    public record Failure(Instant at, String leadId, String agentId, String channel, String status) {}

    public record AgentLoad(String agentId, String name, long open, long awaiting) {}

    public record Live(
            String leadId, Instant receivedAt, String what, String town, String sourceArticle, Integer score) {}
}
