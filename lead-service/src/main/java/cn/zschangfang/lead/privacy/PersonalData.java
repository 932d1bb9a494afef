package cn.zschangfang.lead.privacy;

import cn.zschangfang.lead.capture.DuplicateClaims;
import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.lead.enrichment.ReadingHistory;
import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStore;
import cn.zschangfang.lead.inquiry.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * PIPL: erases a lead's personal fields (name, phone, message, visitor id, and the free-text of duplicate
 * submissions) on request and, by an explicit scheduled purge, once a lead is older than the retention period.
 * Business facts (town, size, status, timeline types) stay for statistics. TTL indexes are not relied on.
 */
@Service
public class PersonalData {

    private static final Logger log = LoggerFactory.getLogger(PersonalData.class);

    private final LeadStore store;
    private final DuplicateClaims claims;
    private final ReadingHistory readingHistory;
    private final LeadProperties properties;
    private final Clock clock;

    public PersonalData(
            LeadStore store,
            DuplicateClaims claims,
            ReadingHistory readingHistory,
            LeadProperties properties,
            Clock clock) {
        this.store = store;
        this.claims = claims;
        this.readingHistory = readingHistory;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return false when there is no such lead */
    public boolean erase(String leadId, String actor, String reason) {
        Lead lead = store.find(leadId).orElse(null);
        if (lead == null) {
            return false;
        }
        Instant now = clock.instant();
        List<TimelineEntry> scrubbed = lead.timeline().stream()
                .map(e -> "DUPLICATE_SUBMISSION".equals(e.type()) || "NOTE".equals(e.type())
                        ? new TimelineEntry(e.at(), e.type(), e.actor(), "（已删除）")
                        : e)
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        scrubbed.add(new TimelineEntry(now, "PERSONAL_DATA_ERASED", actor, reason));
        store.update(
                leadId,
                new Update()
                        .unset("contactName")
                        .unset("phone")
                        .unset("message")
                        .unset("visitorId")
                        .set("personalDataErasedAt", now)
                        .set("timeline", scrubbed));
        claims.release(leadId);
        log.info("personal data of lead {} erased ({})", leadId, reason);
        return true;
    }

    /** Erases leads received before {@code now - retention}; returns how many. */
    public int purgeExpired() {
        Instant before = clock.instant().minus(properties.retention().period());
        Query query = Query.query(Criteria.where("receivedAt")
                        .lt(before)
                        .and("personalDataErasedAt")
                        .is(null))
                .limit(1000);
        query.fields().include("_id");
        int erased = 0;
        for (Lead lead : store.find(query)) {
            if (erase(lead.id(), "retention-job", "保存期限届满")) {
                erased++;
            }
        }
        claims.purgeOlderThan(clock.instant().minus(properties.duplicateWindow()));
        long histories = readingHistory.purgeOlderThan(
                clock.instant().minus(properties.enrichment().maxAge()));
        log.info("retention purge: {} leads erased, {} reading histories removed", erased, histories);
        return erased;
    }

    @Scheduled(cron = "${lead.retention.cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    void scheduledPurge() {
        if (properties.retention().enabled()) {
            purgeExpired();
        }
    }
}
