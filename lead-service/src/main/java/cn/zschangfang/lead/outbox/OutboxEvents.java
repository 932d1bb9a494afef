package cn.zschangfang.lead.outbox;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStatus;
import cn.zschangfang.lead.inquiry.Masking;
import cn.zschangfang.lead.inquiry.PendingEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns a change of a lead into the {@link PendingEvent} stored with it. */
@Component
public class OutboxEvents {

    public static final String CAPTURED_BINDING = "leadCaptured-out-0";
    public static final String STATUS_CHANGED_BINDING = "leadStatusChanged-out-0";

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
                        interests.towns()));
        return new PendingEvent(
                eventId,
                CAPTURED_BINDING,
                "cn.zschangfang.lead.captured.v1",
                lead.id(),
                json.writeValueAsString(event),
                now);
    }

    public PendingEvent statusChanged(
            String leadId, LeadStatus status, LeadStatus previous, String actor, Instant now) {
        String eventId = UUID.randomUUID().toString();
        LeadStatusChangedEvent event =
                new LeadStatusChangedEvent(eventId, now, leadId, status.name(), previous.name(), actor);
        return new PendingEvent(
                eventId,
                STATUS_CHANGED_BINDING,
                "cn.zschangfang.lead.status-changed.v1",
                leadId,
                json.writeValueAsString(event),
                now);
    }

    private static LeadCapturedEvent.Range range(Lead.Range range) {
        return range == null ? null : new LeadCapturedEvent.Range(range.min(), range.max());
    }
}
