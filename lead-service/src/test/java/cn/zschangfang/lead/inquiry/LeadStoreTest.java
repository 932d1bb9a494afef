package cn.zschangfang.lead.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.lead.TestMongo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The atomic single-document updates the outbox relies on, against the MongoDB-wire stand-in. */
@DataMongoTest
@Import(LeadStore.class)
class LeadStoreTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("leads-store-test"));
    }

    @Autowired
    LeadStore store;

    @Autowired
    LeadRepository repository;

    static PendingEvent event(String leadId, Instant at) {
        return new PendingEvent(UUID.randomUUID().toString(), "leadCaptured-out-0", "t", leadId, "{}", at);
    }

    Lead lead(Instant receivedAt, PendingEvent... events) {
        Lead lead = new Lead();
        lead.setId(UUID.randomUUID().toString());
        lead.setStatus(LeadStatus.NEW);
        lead.setReceivedAt(receivedAt);
        lead.setIntent(Lead.Intent.LEASE);
        lead.setPropertyType(Lead.PropertyType.FACTORY);
        lead.setPhone("13800138000");
        lead.setPendingEvents(new ArrayList<>(List.of(events)));
        return lead;
    }

    @Test
    void markPublishedRemovesOnlyThatEventFromTheOutbox() {
        Instant now = Instant.now();
        Lead lead = lead(now);
        PendingEvent first = event(lead.getId(), now);
        PendingEvent second = event(lead.getId(), now);
        lead.getPendingEvents().addAll(List.of(first, second));
        store.insert(lead);

        store.markPublished(lead.getId(), first.eventId());

        assertThat(repository.findById(lead.getId()).orElseThrow().getPendingEvents())
                .extracting(PendingEvent::eventId)
                .containsExactly(second.eventId());
    }

    @Test
    void relayFindsOnlyLeadsWithEventsOlderThanTheCutoff() {
        Instant now = Instant.now();
        Lead old = lead(now.minusSeconds(60));
        old.getPendingEvents().add(event(old.getId(), now.minusSeconds(60)));
        Lead fresh = lead(now);
        fresh.getPendingEvents().add(event(fresh.getId(), now));
        Lead done = lead(now.minusSeconds(120));
        store.insert(old);
        store.insert(fresh);
        store.insert(done);

        List<String> ids = store.idsWithPendingEventsBefore(now.minusSeconds(10), 100);

        assertThat(ids).contains(old.getId()).doesNotContain(fresh.getId(), done.getId());
        assertThat(store.withPendingEvents(100)).extracting(Lead::getId).contains(old.getId(), fresh.getId());
    }

    @Test
    void statusChangeIsConditionalOnTheCurrentStatusAndCarriesTimelineAndEvent() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Lead lead = lead(now);
        store.insert(lead);
        TimelineEntry entry = new TimelineEntry(now, "STATUS_CHANGED", "agent-1", "NEW → ROUTED");

        assertThat(store.changeStatus(
                        lead.getId(), LeadStatus.NEW, LeadStatus.ROUTED, entry, event(lead.getId(), now), null))
                .isTrue();
        assertThat(store.changeStatus(
                        lead.getId(), LeadStatus.NEW, LeadStatus.SPAM, entry, event(lead.getId(), now), null))
                .isFalse();

        Lead changed = repository.findById(lead.getId()).orElseThrow();
        assertThat(changed.getStatus()).isEqualTo(LeadStatus.ROUTED);
        assertThat(changed.getTimeline()).containsExactly(entry);
        assertThat(changed.getPendingEvents()).hasSize(1);
    }
}
