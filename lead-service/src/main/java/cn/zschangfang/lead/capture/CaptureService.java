package cn.zschangfang.lead.capture;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.lead.enrichment.ReadingHistory;
import cn.zschangfang.lead.enrichment.Scoring;
import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStatus;
import cn.zschangfang.lead.inquiry.LeadStore;
import cn.zschangfang.lead.inquiry.ListingMatch;
import cn.zschangfang.lead.inquiry.Masking;
import cn.zschangfang.lead.inquiry.TimelineEntry;
import cn.zschangfang.lead.inquiry.ValidInquiry;
import cn.zschangfang.lead.listing.ListingIndex;
import cn.zschangfang.lead.outbox.OutboxEvents;
import cn.zschangfang.lead.outbox.OutboxPublisher;
import cn.zschangfang.lead.stats.LeadMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Stores an inquiry with its {@code lead.captured} event in the same document (the outbox), then hands the
 * publication to a background thread. A repeat of the same phone, intent and property type within the duplicate
 * window is merged into the earlier lead: a timeline entry, no second lead, no second event. The lead's best listing
 * matches are computed in memory before that write, so they are stored with it and travel on {@code lead.captured};
 * matching never fails or delays a capture (at worst a lead has no matches).
 */
@Service
public class CaptureService {

    private static final Logger log = LoggerFactory.getLogger(CaptureService.class);

    private final LeadStore store;
    private final OutboxEvents events;
    private final OutboxPublisher publisher;
    private final ReadingHistory readingHistory;
    private final LeadMetrics metrics;
    private final LeadProperties properties;
    private final Clock clock;
    private final DuplicateClaims claims;
    private final ListingIndex listings;

    public CaptureService(
            LeadStore store,
            OutboxEvents events,
            OutboxPublisher publisher,
            ReadingHistory readingHistory,
            LeadMetrics metrics,
            LeadProperties properties,
            DuplicateClaims claims,
            ListingIndex listings,
            Clock clock) {
        this.claims = claims;
        this.listings = listings;
        this.store = store;
        this.events = events;
        this.publisher = publisher;
        this.readingHistory = readingHistory;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    public CaptureResult capture(ValidInquiry inquiry, String channel) {
        Instant now = clock.instant();
        String newId = UUID.randomUUID().toString();
        Optional<String> repeated = claims.claim(
                inquiry.contact().phone(),
                inquiry.inquiry().intent(),
                inquiry.inquiry().propertyType(),
                newId,
                now,
                properties.duplicateWindow());
        if (repeated.isPresent()) {
            String existingId = repeated.get();
            String message = inquiry.inquiry().message();
            String detail = message == null ? "重复提交" : "重复提交，留言：" + message;
            store.appendTimeline(existingId, new TimelineEntry(now, "DUPLICATE_SUBMISSION", channel, detail));
            metrics.duplicate();
            log.info(
                    "duplicate inquiry merged into lead {} (phone {})",
                    existingId,
                    Masking.phone(inquiry.contact().phone()));
            return store.find(existingId)
                    .map(l -> new CaptureResult(l.id(), l.status().name(), l.receivedAt(), true))
                    // The first submission is still being written by another request.
                    .orElseGet(() -> new CaptureResult(existingId, LeadStatus.NEW.name(), now, true));
        }
        Lead lead = draft(newId, inquiry, channel, now);
        store.insert(lead);
        metrics.accepted(
                channel, lead.inquiry().town(), String.valueOf(lead.inquiry().propertyType()));
        log.info(
                "lead {} captured: {} {} in {} via {}, phone {}, score {}, {} listing matches",
                lead.id(),
                lead.inquiry().intent(),
                lead.inquiry().propertyType(),
                lead.inquiry().town(),
                channel,
                Masking.phone(lead.contact().phone()),
                lead.score(),
                lead.matchesOrNone().size());
        if (properties.outbox().publishAfterWrite()) {
            publisher.publishWritten(lead);
        }
        return new CaptureResult(lead.id(), lead.status().name(), lead.receivedAt(), false);
    }

    /**
     * The lead a capture stores, with its {@code lead.captured} event in the outbox: scored, matched, enriched by
     * the visitor's reading history (a read). Writes nothing; {@link CaptureWarmUp} runs it before the first inquiry.
     */
    Lead draft(String id, ValidInquiry inquiry, String channel, Instant now) {
        Lead lead = newLead(id, inquiry, channel, now);
        return lead.withPendingEvent(events.captured(lead, now));
    }

    private Lead newLead(String id, ValidInquiry inquiry, String channel, Instant now) {
        Lead.Interests interests = readingHistory.interestsOf(inquiry.visitorId());
        Lead.Score score = Scoring.score(inquiry, interests);
        List<ListingMatch> matches = listings.matchesFor(inquiry.inquiry(), inquiry.requirements());
        return Lead.captured(
                id,
                now,
                inquiry,
                new Lead.Attribution(inquiry.sourceArticle(), inquiry.visitorId(), channel),
                new Lead.Consent(true, now, properties.consentWordingVersion()),
                // Its own purpose, given or declined, with the same wording version (the form shows both texts).
                new Lead.Consent(inquiry.marketingSmsConsent(), now, properties.consentWordingVersion()),
                interests,
                score,
                matches,
                new TimelineEntry(now, "CAPTURED", channel, "score " + score.value()));
    }
}
