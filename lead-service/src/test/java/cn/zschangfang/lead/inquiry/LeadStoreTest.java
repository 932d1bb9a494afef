package cn.zschangfang.lead.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.query.Update;

/** The atomic single-document updates the outbox relies on, against the MongoDB-wire stand-in. */
@Import(LeadStore.class)
class LeadStoreTest extends StandInMongoTest {

    @Autowired
    LeadStore store;

    @Autowired
    LeadRepository repository;

    static PendingEvent event(String leadId, Instant at) {
        return new PendingEvent(UUID.randomUUID().toString(), "leadCaptured-out-0", "t", leadId, "{}", at);
    }

    Lead lead(Instant receivedAt, PendingEvent... events) {
        return TestLeads.lead(UUID.randomUUID().toString(), receivedAt, "13800138000", events);
    }

    /** A lead with these events, already inserted. */
    Lead stored(Instant receivedAt, PendingEvent... events) {
        return store.insert(lead(receivedAt, events));
    }

    @Test
    void markPublishedRemovesOnlyThatEventFromTheOutbox() {
        Instant now = Instant.now();
        String id = UUID.randomUUID().toString();
        PendingEvent first = event(id, now);
        PendingEvent second = event(id, now);
        Lead lead = TestLeads.lead(id, now, "13800138000", first, second);
        store.insert(lead);

        store.markPublished(lead.id(), first.eventId());

        assertThat(repository.findById(lead.id()).orElseThrow().pendingEvents())
                .extracting(PendingEvent::eventId)
                .containsExactly(second.eventId());
    }

    @Test
    void aStatusReadCarriesTheStatusAndItsTimestampsButNotTheRestOfTheLead() {
        Lead lead = stored(Instant.now(), event(UUID.randomUUID().toString(), Instant.now()));
        store.update(lead.id(), new Update().set("status", LeadStatus.NOTIFIED).set("notifiedAt", Instant.now()));

        Lead status = store.findStatus(lead.id()).orElseThrow();

        assertThat(status.status()).isEqualTo(LeadStatus.NOTIFIED);
        assertThat(status.notifiedAt()).isNotNull();
        assertThat(status.acknowledgedAt()).isNull();
        assertThat(store.find(lead.id()).orElseThrow().pendingEvents()).hasSize(1);
        assertThat(status.pendingEvents()).isEmpty();
        assertThat(status.contact().phone()).isNull();
        assertThat(store.findStatus(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void relayFindsOnlyLeadsWithEventsOlderThanTheCutoff() {
        Instant now = Instant.now();
        Lead old = lead(now.minusSeconds(60));
        old = old.withPendingEvent(event(old.id(), now.minusSeconds(60)));
        Lead fresh = lead(now);
        fresh = fresh.withPendingEvent(event(fresh.id(), now));
        Lead done = lead(now.minusSeconds(120));
        store.insert(old);
        store.insert(fresh);
        store.insert(done);

        List<String> ids = store.idsWithPendingEventsBefore(now.minusSeconds(10), 100);

        assertThat(ids).contains(old.id()).doesNotContain(fresh.id(), done.id());
        long pendingBefore = store.countWithPendingEvents();
        assertThat(store.withPendingEvents(100))
                .extracting(Lead::id)
                .contains(old.id(), fresh.id())
                .doesNotContain(done.id());
        store.insert(lead(now).withPendingEvent(event("another", now)));
        store.insert(lead(now));
        assertThat(store.countWithPendingEvents())
                .as("only leads with something pending")
                .isEqualTo(pendingBefore + 1);
    }

    @Test
    void statusChangeIsConditionalOnTheCurrentStatusAndCarriesTimelineAndEvent() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Lead lead = stored(now);
        TimelineEntry entry = new TimelineEntry(now, "STATUS_CHANGED", "agent-1", "NEW → ROUTED");

        Optional<Lead> moved =
                store.changeStatus(lead.id(), LeadStatus.NEW, LeadStatus.ROUTED, entry, event(lead.id(), now), null);
        // What the caller publishes from, without reading the lead back: the state after the change.
        assertThat(moved).hasValueSatisfying(after -> {
            assertThat(after.status()).isEqualTo(LeadStatus.ROUTED);
            assertThat(after.pendingEvents()).hasSize(1);
        });
        assertThat(store.changeStatus(lead.id(), LeadStatus.NEW, LeadStatus.SPAM, entry, event(lead.id(), now), null))
                .isEmpty();

        Lead changed = repository.findById(lead.id()).orElseThrow();
        assertThat(changed.status()).isEqualTo(LeadStatus.ROUTED);
        assertThat(changed.timeline()).containsExactly(entry);
        assertThat(changed.pendingEvents()).hasSize(1);
    }

    @Test
    void anEventKeyAppliesItsEffectOnceWhetherItMovesTheLeadOrOnlyAddsANote() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Lead lead = stored(now);
        TimelineEntry note = new TimelineEntry(now, "DELIVERY", "notify-service", "NEW_LEAD via WECOM: SENT");
        TimelineEntry moved = new TimelineEntry(now, "STATUS_CHANGED", "notify-service", "NEW → NOTIFIED");

        assertThat(store.changeStatus(
                        lead.id(),
                        LeadStatus.NEW,
                        LeadStatus.NOTIFIED,
                        List.of(note, moved),
                        event(lead.id(), now),
                        null,
                        "notify-delivery:e1"))
                .isPresent();
        assertThat(store.applied(lead.id(), "notify-delivery:e1")).isTrue();
        // The same event again, as a move from the new status or as a note: refused, nothing written.
        assertThat(store.changeStatus(
                        lead.id(),
                        LeadStatus.NOTIFIED,
                        LeadStatus.ACKNOWLEDGED,
                        List.of(note),
                        event(lead.id(), now),
                        null,
                        "notify-delivery:e1"))
                .isEmpty();
        assertThat(store.applyOnce(lead.id(), "notify-delivery:e1", List.of(note), null))
                .isFalse();
        // Another event still applies.
        assertThat(store.applyOnce(lead.id(), "lead-routed:e2", List.of(), new Update().set("assigneeId", "agent-2")))
                .isTrue();

        Lead after = repository.findById(lead.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(LeadStatus.NOTIFIED);
        assertThat(after.timeline()).containsExactly(note, moved);
        assertThat(after.pendingEvents()).hasSize(1);
        assertThat(after.assigneeId()).isEqualTo("agent-2");
        assertThat(store.applied(lead.id(), "lead-routed:e3")).isFalse();
    }
}
