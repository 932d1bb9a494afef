package cn.zschangfang.lead.listing;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.ListingMatch;
import cn.zschangfang.lead.inquiry.Requirements;
import cn.zschangfang.lead.inquiry.SourceListing;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The published listings in memory, for matching at capture without a database round trip (a lead against 10,000
 * listings is a scan of parsed values, well under a millisecond per thousand; {@code ListingMatchingBenchmarkTest} prints
 * the figure). MongoDB ({@link ListingStore}) stays the truth: the consumer updates both, and every instance
 * reloads from MongoDB at start and every {@code lead.matching.refresh-interval}, because the consumer group gives
 * each listing event to one instance only.
 */
@Component
public class ListingIndex {

    private static final Logger log = LoggerFactory.getLogger(ListingIndex.class);

    private final ListingStore store;
    private final ListingMatcher matcher;
    private final int maxMatches;
    private volatile Map<String, Candidate> byId = new ConcurrentHashMap<>();
    /** Locks of {@link #serialized}, by listing id: one per listing would be as correct and unbounded. */
    private final Object[] stripes = new Object[64];
    /** Non-null while a reload reads MongoDB: the consumer's changes meanwhile, re-applied to the fresh map. */
    private Map<String, Optional<Candidate>> changedDuringReload;

    @Autowired
    public ListingIndex(ListingStore store, MatchingProperties properties) {
        this.store = store;
        this.matcher = new ListingMatcher(properties.areaTolerance());
        this.maxMatches = properties.maxMatches();
        Arrays.setAll(stripes, i -> new Object());
    }

    /** An index with no store behind it (tests, the benchmark): only {@link #put} fills it. */
    public static ListingIndex inMemory(MatchingProperties properties) {
        return new ListingIndex(null, properties);
    }

    /**
     * Runs a change of the store and the matching change of this index as one step per listing. The three listing
     * topics are consumed on three threads, so without it a late edit's {@code put} could land after the withdrawal's
     * {@code remove} although its store write came first: the index would match a listing MongoDB says is gone, until
     * the next reload.
     */
    public <T> T serialized(String listingId, Supplier<T> change) {
        synchronized (stripes[Math.floorMod(listingId.hashCode(), stripes.length)]) {
            return change.get();
        }
    }

    public void put(Listing listing) {
        apply(listing.id(), listing.active() ? Candidate.of(listing) : Optional.empty());
    }

    public void remove(String listingId) {
        apply(listingId, Optional.empty());
    }

    /** One change, also remembered while a reload runs, so the reloaded map cannot drop it. */
    private synchronized void apply(String id, Optional<Candidate> candidate) {
        if (candidate.isPresent()) {
            byId.put(id, candidate.get());
        } else {
            byId.remove(id);
        }
        if (changedDuringReload != null) {
            changedDuringReload.put(id, candidate);
        }
    }

    /** Whether the listing is published and known well enough to be matched. */
    public boolean isMatchable(String listingId) {
        return byId.containsKey(listingId);
    }

    public int size() {
        return byId.size();
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${lead.matching.refresh-interval:60s}")
    public void reload() {
        if (store == null) {
            return;
        }
        synchronized (this) {
            changedDuringReload = new HashMap<>();
        }
        try {
            Map<String, Candidate> fresh = new ConcurrentHashMap<>();
            for (Listing listing : store.active()) {
                Candidate.of(listing).ifPresent(c -> fresh.put(c.id(), c));
            }
            synchronized (this) {
                // The consumer's changes since the read began are newer than what the read may have seen.
                changedDuringReload.forEach((id, c) -> {
                    if (c.isPresent()) {
                        fresh.put(id, c.get());
                    } else {
                        fresh.remove(id);
                    }
                });
                byId = fresh;
            }
        } catch (RuntimeException e) {
            // MongoDB unreachable: keep matching against what is loaded and try again at the next interval.
            log.warn(
                    "listing index reload failed ({}); keeping {} listings",
                    e.getClass().getSimpleName(),
                    size());
        } finally {
            synchronized (this) {
                changedDuringReload = null;
            }
        }
    }

    /**
     * The best matches for an inquiry. Never throws and never waits on anything: a problem in matching must not
     * cost a lead, so it yields no matches instead.
     */
    public List<ListingMatch> matchesFor(Lead.Inquiry inquiry, Requirements requirements) {
        try {
            return matcher.best(ListingMatcher.Need.of(inquiry, requirements), byId.values(), maxMatches);
        } catch (RuntimeException e) {
            log.warn(
                    "matching failed ({}); lead stored without matches",
                    e.getClass().getSimpleName());
            return List.of();
        }
    }

    /** Whether the published listing fits the lead's stated needs (every hard filter). */
    public boolean fits(Listing listing, Lead lead) {
        return Candidate.of(listing)
                .map(c -> matcher.matches(ListingMatcher.Need.of(lead.inquiry(), lead.requirements()), c))
                .orElse(false);
    }

    /**
     * The listing an inquiry was sent from, by id or slug: published, or withdrawn moments ago (its tombstone still
     * names it, so a visitor who was reading the page does not lose the inquiry).
     */
    public Optional<SourceListing> source(String idOrSlug) {
        Candidate known = byId.get(idOrSlug);
        if (known == null) {
            known = byId.values().stream()
                    .filter(c -> idOrSlug.equals(c.slug()))
                    .findFirst()
                    .orElse(null);
        }
        if (known != null) {
            return Optional.of(new SourceListing(known.id(), known.slug(), known.title(), known.agentId()));
        }
        if (store == null) {
            return Optional.empty();
        }
        return store.findByIdOrSlug(idOrSlug)
                .map(l -> new SourceListing(
                        l.id(), l.facts().slug(), l.facts().title(), l.facts().agentId()));
    }
}
