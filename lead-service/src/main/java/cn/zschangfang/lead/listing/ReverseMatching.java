package cn.zschangfang.lead.listing;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStatus;
import cn.zschangfang.lead.inquiry.LeadStore;
import cn.zschangfang.lead.inquiry.PendingEvent;
import cn.zschangfang.lead.inquiry.TimelineEntry;
import cn.zschangfang.lead.outbox.OutboxEvents;
import cn.zschangfang.lead.outbox.OutboxPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * When a listing is published: every open lead of the reverse window it fits gets a {@code LISTING_MATCHED} timeline
 * entry, and each agent with such leads one {@code lead.listing-matched} naming them. Each lead records the listing in
 * the same update as its entry ({@link LeadStore#recordListingMatch}), and the agent's event rides in the outbox of
 * the first of that agent's leads in that same update: a redelivered, repeated or re-published listing adds neither
 * an entry nor an event again. Leads not yet assigned get the entry only (there is no agent to tell).
 */
@Component
public class ReverseMatching {

    private static final Logger log = LoggerFactory.getLogger(ReverseMatching.class);

    /** Closed or invalid leads are not offered new listings. */
    static final List<LeadStatus> CLOSED =
            List.of(LeadStatus.WON, LeadStatus.LOST, LeadStatus.SPAM, LeadStatus.DUPLICATE);

    private static final int MAX_LEADS = 20_000;

    private final LeadStore leads;
    private final ListingIndex index;
    private final OutboxEvents events;
    private final OutboxPublisher publisher;
    private final MatchingProperties properties;
    private final boolean publishAfterWrite;
    private final Clock clock;

    public ReverseMatching(
            LeadStore leads,
            ListingIndex index,
            OutboxEvents events,
            OutboxPublisher publisher,
            MatchingProperties properties,
            LeadProperties leadProperties,
            Clock clock) {
        this.leads = leads;
        this.index = index;
        this.events = events;
        this.publisher = publisher;
        this.properties = properties;
        this.publishAfterWrite = leadProperties.outbox().publishAfterWrite();
        this.clock = clock;
    }

    /** @return how many leads were newly recorded as matching */
    public int onPublished(Listing listing) {
        Candidate candidate = Candidate.of(listing).orElse(null);
        if (candidate == null || !listing.active()) {
            return 0;
        }
        Instant now = clock.instant();
        Map<String, List<String>> byAgent = new TreeMap<>();
        List<String> unassigned = new ArrayList<>();
        for (Lead lead : leads.find(openLeadsOfTheWindow(candidate, listing.id(), now))) {
            if (index.fits(listing, lead)) {
                if (lead.assigneeId() == null) {
                    unassigned.add(lead.id());
                } else {
                    byAgent.computeIfAbsent(lead.assigneeId(), a -> new ArrayList<>())
                            .add(lead.id());
                }
            }
        }
        TimelineEntry entry = new TimelineEntry(
                now,
                "LISTING_MATCHED",
                "lead-service",
                "新房源匹配：" + listing.facts().title() + "（" + listing.id() + "）");
        int recorded = 0;
        for (Map.Entry<String, List<String>> agent : byAgent.entrySet()) {
            List<String> ids = agent.getValue();
            PendingEvent event = events.listingMatched(
                    listing.id(), listing.facts().slug(), listing.facts().title(), agent.getKey(), ids, now);
            String carrier = null;
            for (String id : ids) {
                boolean carries = carrier == null;
                if (leads.recordListingMatch(id, listing.id(), entry, carries ? event : null)) {
                    recorded++;
                    if (carries) {
                        carrier = id;
                    }
                }
            }
            if (carrier != null && publishAfterWrite) {
                publisher.publishSoon(carrier);
            }
        }
        for (String id : unassigned) {
            if (leads.recordListingMatch(id, listing.id(), entry, null)) {
                recorded++;
            }
        }
        if (recorded > 0) {
            log.info("listing {} matches {} open leads of {} agents", listing.id(), recorded, byAgent.size());
        }
        return recorded;
    }

    /** Narrowed in the database by what is cheap to ask (window, status, type, deal, town); the rest in memory. */
    private Query openLeadsOfTheWindow(Candidate c, String listingId, Instant now) {
        List<Lead.Intent> intents = new ArrayList<>(2);
        if (c.forLease()) {
            intents.add(Lead.Intent.LEASE);
        }
        if (c.forSale()) {
            intents.add(Lead.Intent.BUY);
        }
        Criteria criteria = Criteria.where("receivedAt")
                .gte(now.minus(properties.reverseWindow()))
                .and("status")
                .nin(CLOSED)
                .and("propertyType")
                .is(c.leadType())
                .and("intent")
                .in(intents)
                .and(LeadStore.MATCHED_LISTING_IDS)
                .ne(listingId);
        if (c.town() != null) {
            criteria = criteria.and("town").is(c.town());
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "receivedAt"))
                .limit(MAX_LEADS);
        query.fields().exclude("timeline").exclude("pendingEvents").exclude("interests");
        return query;
    }
}
