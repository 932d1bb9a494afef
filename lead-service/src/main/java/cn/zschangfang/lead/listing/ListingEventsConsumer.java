package cn.zschangfang.lead.listing;

import cn.zschangfang.lead.dedupe.ProcessedEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bindings {@code listingPublished-in-0}, {@code listingChanged-in-0} and {@code listingWithdrawn-in-0}
 * ({@code content.listing-*}, group {@code lead-service}): keep the listing projection in MongoDB and in memory, and
 * match a newly published listing against waiting leads. Every effect is idempotent by itself (versioned upserts,
 * per-lead match records), so an event id is recorded as processed only after its effect: a crash in between means a
 * harmless redelivery, never a skipped one.
 */
@Configuration(proxyBeanMethods = false)
public class ListingEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(ListingEventsConsumer.class);

    @Bean
    Consumer<ListingEvents.Snapshot> listingPublished(
            ListingStore store, ListingIndex index, ReverseMatching reverse, ProcessedEvents processed, Clock clock) {
        return event -> snapshot("listing-published", event, store, index, processed, clock, reverse);
    }

    @Bean
    Consumer<ListingEvents.Snapshot> listingChanged(
            ListingStore store, ListingIndex index, ProcessedEvents processed, Clock clock) {
        // An edit updates what matching sees; only a publication is announced to waiting leads.
        return event -> snapshot("listing-changed", event, store, index, processed, clock, null);
    }

    @Bean
    Consumer<ListingEvents.Withdrawn> listingWithdrawn(
            ListingStore store, ListingIndex index, ProcessedEvents processed, Clock clock) {
        return event -> {
            if (event.listingId() == null || processed.seen("listing-withdrawn", event.eventId())) {
                return;
            }
            Instant version = event.occurredAt() == null ? clock.instant() : event.occurredAt();
            String status = event.status() == null ? "WITHDRAWN" : event.status();
            index.serialized(event.listingId(), () -> {
                if (store.withdraw(event.listingId(), status, version) == ListingStore.Outcome.APPLIED) {
                    index.remove(event.listingId());
                }
                return null;
            });
            processed.firstTime("listing-withdrawn", event.eventId());
        };
    }

    private static void snapshot(
            String consumer,
            ListingEvents.Snapshot event,
            ListingStore store,
            ListingIndex index,
            ProcessedEvents processed,
            Clock clock,
            ReverseMatching reverse) {
        if (event.listingId() == null || processed.seen(consumer, event.eventId())) {
            return;
        }
        Listing listing = Listing.of(event, event.occurredAt() != null ? event.occurredAt() : clock.instant());
        ListingStore.Outcome outcome = index.serialized(listing.id(), () -> {
            ListingStore.Outcome written = store.upsert(listing);
            if (written != ListingStore.Outcome.STALE) {
                index.put(listing);
            }
            return written;
        });
        if (outcome == ListingStore.Outcome.STALE) {
            log.info(
                    "{} event {} for listing {} is older than the projection; ignored",
                    consumer,
                    event.eventId(),
                    event.listingId());
        } else {
            if (reverse != null) {
                // Also on SAME: a redelivery after a crash finishes what the first delivery began.
                reverse.onPublished(listing);
            }
        }
        processed.firstTime(consumer, event.eventId());
    }
}
