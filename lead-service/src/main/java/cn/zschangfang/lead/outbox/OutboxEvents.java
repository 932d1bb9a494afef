package cn.zschangfang.lead.outbox;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStatus;
import cn.zschangfang.lead.inquiry.Masking;
import cn.zschangfang.lead.inquiry.PendingEvent;
import cn.zschangfang.lead.inquiry.Requirements;
import cn.zschangfang.lead.inquiry.SourceListing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns a change of a lead into the {@link PendingEvent} stored with it. */
@Component
public class OutboxEvents {

    public static final String CAPTURED_BINDING = "leadCaptured-out-0";
    public static final String STATUS_CHANGED_BINDING = "leadStatusChanged-out-0";
    public static final String LISTING_MATCHED_BINDING = "leadListingMatched-out-0";

    private final JsonMapper json;

    public OutboxEvents(JsonMapper json) {
        this.json = json;
    }

    public PendingEvent captured(Lead lead, Instant now) {
        String eventId = UUID.randomUUID().toString();
        Lead.Interests interests = lead.interests() == null ? Lead.Interests.none() : lead.interests();
        LeadCapturedEvent event = new LeadCapturedEvent(
                eventId,
                now,
                lead.id(),
                lead.receivedAt(),
                lead.inquiry().intent().name(),
                lead.inquiry().propertyType().name(),
                lead.inquiry().town(),
                range(lead.inquiry().areaSqm()),
                range(lead.inquiry().areaMu()),
                lead.inquiry().use(),
                lead.inquiry().expectedAnnualTaxWan(),
                lead.contact().company(),
                Masking.name(lead.contact().contactName()),
                Masking.phone(lead.contact().phone()),
                lead.inquiry().message(),
                lead.attribution().sourceArticle(),
                lead.attribution().visitorId(),
                lead.attribution().channel(),
                lead.score(),
                lead.scoreReasons(),
                new LeadCapturedEvent.Interests(
                        interests.articles().stream()
                                .map(a -> new LeadCapturedEvent.Article(a.slug(), a.title()))
                                .toList(),
                        interests.tags(),
                        interests.towns()),
                requirements(lead.requirements()),
                source(lead.sourceListing()),
                lead.matchesOrNone().stream()
                        .map(m ->
                                new LeadCapturedEvent.Match(m.listingId(), m.slug(), m.title(), m.score(), m.reasons()))
                        .toList());
        return pending(eventId, CAPTURED_BINDING, "cn.zschangfang.lead.captured.v1", lead.id(), event, now);
    }

    public PendingEvent statusChanged(
            String leadId, LeadStatus status, LeadStatus previous, String actor, Instant now) {
        String eventId = UUID.randomUUID().toString();
        LeadStatusChangedEvent event =
                new LeadStatusChangedEvent(eventId, now, leadId, status.name(), previous.name(), actor);
        return pending(eventId, STATUS_CHANGED_BINDING, "cn.zschangfang.lead.status-changed.v1", leadId, event, now);
    }

    /**
     * {@code lead.listing-matched} for one agent's leads that a newly published listing fits. Its id is derived from
     * (listing, agent), so a redelivered or repeated publication produces the same id and consumers drop it.
     */
    public PendingEvent listingMatched(
            String listingId, String slug, String title, String agentId, List<String> leadIds, Instant now) {
        String eventId = listingMatchedEventId(listingId, agentId);
        LeadListingMatchedEvent event =
                new LeadListingMatchedEvent(eventId, now, listingId, slug, title, agentId, List.copyOf(leadIds));
        return pending(eventId, LISTING_MATCHED_BINDING, "cn.zschangfang.lead.listing-matched.v1", agentId, event, now);
    }

    /** The payload as JSON with what the publisher needs to send it: binding, CloudEvents type and Kafka key. */
    private PendingEvent pending(String eventId, String binding, String type, String key, Object payload, Instant now) {
        return new PendingEvent(eventId, binding, type, key, json.writeValueAsString(payload), now);
    }

    public static String listingMatchedEventId(String listingId, String agentId) {
        return UUID.nameUUIDFromBytes(
                        ("lead.listing-matched|" + listingId + "|" + agentId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static LeadCapturedEvent.Requirements requirements(Requirements r) {
        if (r == null) {
            return null;
        }
        Requirements.Budget b = r.budget();
        return new LeadCapturedEvent.Requirements(
                r.minClearHeightM(),
                r.minPowerKva(),
                r.floor() == null ? null : r.floor().name(),
                r.fireClass() == null ? null : r.fireClass().name(),
                r.craneTonnage(),
                b == null
                        ? null
                        : new LeadCapturedEvent.Budget(b.amount(), b.unit().name()),
                r.moveInDate(),
                r.leaseTermMonths(),
                r.industry());
    }

    private static LeadCapturedEvent.SourceListing source(SourceListing s) {
        return s == null ? null : new LeadCapturedEvent.SourceListing(s.listingId(), s.slug(), s.title(), s.agentId());
    }

    private static LeadCapturedEvent.Range range(Lead.Range range) {
        return range == null ? null : new LeadCapturedEvent.Range(range.min(), range.max());
    }
}
