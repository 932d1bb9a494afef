package cn.zschangfang.site.dashboard;

import cn.zschangfang.platform.kafka.KafkaClientSecurity;
import cn.zschangfang.site.agent.AgentProperties;
import cn.zschangfang.site.api.LeadClient;
import cn.zschangfang.site.api.RestClients;
import cn.zschangfang.site.config.SiteProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads the dashboard's history from the services' stats APIs (with the site's service token: the figures are the
 * same for every manager, so one read per instance serves every screen) and the DLQ depth from Kafka. A part that
 * cannot be read stays as it was last read, marked stale.
 */
public class DashboardHistory {

    private static final Logger log = LoggerFactory.getLogger(DashboardHistory.class);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Statuses of leads still in someone's hands. */
    static final List<String> OPEN = List.of("NEW", "ROUTED", "NOTIFIED", "ACKNOWLEDGED", "CONTACTED", "QUALIFIED");

    static final String DLQ = "lead.captured.dlq";
    static final String DLQ_REPLAY_GROUP = "notify-dlq-replay";

    /** Everything read in one pass; null parts could not be read. */
    public record Snapshot(
            Instant readAt,
            StatsRecords.LeadStats today,
            StatsRecords.LeadStats week,
            StatsRecords.Traffic traffic,
            StatsRecords.Top topHour,
            StatsRecords.Top topDay,
            StatsRecords.Top topWeek,
            List<StatsRecords.LeadSummary> openLeads,
            Map<String, Long> openTotals,
            Long dlqDepth) {}

    private final RestClient leads;
    private final RestClient content;
    private final AgentProperties agent;
    private final DashboardProperties properties;
    private final KafkaClientSecurity security;
    private final Clock clock;

    public DashboardHistory(
            LeadClient leadClient,
            RestClient.Builder builder,
            SiteProperties site,
            AgentProperties agent,
            DashboardProperties properties,
            KafkaClientSecurity security,
            Clock clock) {
        this.security = security;
        this.leads = leadClient.http();
        this.content = RestClients.of(builder, site, site.contentUrl(), site.readTimeout());
        this.agent = agent;
        this.properties = properties;
        this.clock = clock;
    }

    public Snapshot read(Snapshot previous) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        StatsRecords.LeadStats day = orElse(() -> leadStats(today, today), previous == null ? null : previous.today());
        StatsRecords.LeadStats week =
                orElse(() -> leadStats(today.minusDays(6), today), previous == null ? null : previous.week());
        StatsRecords.Traffic traffic = orElse(
                () -> content.get()
                        .uri("/api/content/stats/traffic?minutes=60")
                        .retrieve()
                        .body(StatsRecords.Traffic.class),
                previous == null ? null : previous.traffic());
        StatsRecords.Top hour = orElse(() -> top("1h"), previous == null ? null : previous.topHour());
        StatsRecords.Top dayTop = orElse(() -> top("24h"), previous == null ? null : previous.topDay());
        StatsRecords.Top weekTop = orElse(() -> top("7d"), previous == null ? null : previous.topWeek());
        List<StatsRecords.LeadSummary> open = new ArrayList<>();
        Map<String, Long> totals = new java.util.LinkedHashMap<>();
        boolean openRead = true;
        for (String status : OPEN) {
            StatsRecords.LeadPage page = orElse(
                    () -> leads.get()
                            .uri("/api/leads?status={s}&from={from}&size=100", status, today.minusDays(29))
                            .headers(h -> h.setBearerAuth(agent.serviceToken()))
                            .retrieve()
                            .body(StatsRecords.LeadPage.class),
                    null);
            if (page == null) {
                openRead = false;
                break;
            }
            open.addAll(page.items());
            totals.put(status, page.total());
        }
        Long dlq = dlqDepth();
        return new Snapshot(
                now,
                day,
                week,
                traffic,
                hour,
                dayTop,
                weekTop,
                openRead ? open : (previous == null ? List.of() : previous.openLeads()),
                openRead ? totals : (previous == null ? Map.of() : previous.openTotals()),
                dlq != null ? dlq : (previous == null ? null : previous.dlqDepth()));
    }

    private StatsRecords.LeadStats leadStats(LocalDate from, LocalDate to) {
        return leads.get()
                .uri("/api/leads/stats?from={from}&to={to}", from, to)
                .headers(h -> h.setBearerAuth(agent.serviceToken()))
                .retrieve()
                .body(StatsRecords.LeadStats.class);
    }

    private StatsRecords.Top top(String window) {
        return content.get()
                .uri("/api/content/stats/top?window={w}&limit=10", window)
                .retrieve()
                .body(StatsRecords.Top.class);
    }

    /** DLQ records not replayed yet: end offsets minus what notify's replay group has committed. */
    private Long dlqDepth() {
        Properties p = security.applyTo(new Properties());
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBrokers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "4000");
        try (Admin admin = Admin.create(p)) {
            var description = admin.describeTopics(List.of(DLQ)).allTopicNames().get(4, TimeUnit.SECONDS);
            List<TopicPartition> partitions = description.get(DLQ).partitions().stream()
                    .map(pi -> new TopicPartition(DLQ, pi.partition()))
                    .toList();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(4, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> done = admin.listConsumerGroupOffsets(DLQ_REPLAY_GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get(4, TimeUnit.SECONDS);
            long depth = 0;
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata committed = done.get(tp);
                depth += ends.get(tp).offset() - (committed == null ? 0 : committed.offset());
            }
            return Math.max(0, depth);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return 0L; // no lead has ever been dead-lettered
            }
            log.warn("DLQ depth unavailable ({})", e.getCause().getClass().getSimpleName());
            return null;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("DLQ depth unavailable ({})", e.getClass().getSimpleName());
            return null;
        }
    }

    private static <T> T orElse(java.util.function.Supplier<T> read, T fallback) {
        try {
            T value = read.get();
            return value == null ? fallback : value;
        } catch (RestClientException e) {
            log.warn("dashboard history part unavailable ({})", e.getClass().getSimpleName());
            return fallback;
        }
    }

    static Duration age(Snapshot s, Clock clock) {
        return s == null ? Duration.ofDays(1) : Duration.between(s.readAt(), clock.instant());
    }
}
