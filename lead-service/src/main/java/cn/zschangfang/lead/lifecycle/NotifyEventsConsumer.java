package cn.zschangfang.lead.lifecycle;

import cn.zschangfang.lead.inquiry.LeadStatus;
import cn.zschangfang.lead.inquiry.TimelineEntry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Bindings {@code leadRouted-in-0} ({@code lead.routed}) and {@code notifyDelivery-in-0} ({@code notify.delivery}),
 * group {@code lead-service}: advance the lead to ROUTED, NOTIFIED, ACKNOWLEDGED and record each on the timeline.
 *
 * <p>Each event is one {@link Lifecycle.Effect} keyed by its event id and recorded on the lead itself, in the same
 * update as its effect: a redelivered event changes nothing, and a crash between "seen" and "done" cannot happen.
 * That is also one MongoDB write per event instead of a marker insert, a timeline update and the status change.
 * Markers written by earlier versions live in {@code processed_events}; a record redelivered across the upgrade could
 * at most add its timeline note again, never a second status event (the status compare-and-set refuses it).
 */
@Configuration(proxyBeanMethods = false)
public class NotifyEventsConsumer {

    @Bean
    Consumer<NotifyEvents.LeadRouted> leadRouted(Lifecycle lifecycle, Clock clock) {
        return event -> {
            if (event.leadId() == null) {
                return;
            }
            Update assignee = new Update().set("assigneeId", event.agentId()).set("assigneeName", event.agentName());
            String detail = (Boolean.TRUE.equals(event.escalation()) ? "升级转派给 " : "分配给 ") + event.agentName() + "（"
                    + event.strategy() + "）";
            // Already past ROUTED (e.g. an escalation to another agent): keep the status, record the new owner.
            TimelineEntry owner = new TimelineEntry(clock.instant(), "ROUTED", "notify-service", detail);
            lifecycle.apply(
                    event.leadId(),
                    new Lifecycle.Effect(
                            key("lead-routed", event.eventId()),
                            LeadStatus.ROUTED,
                            "notify-service",
                            detail,
                            assignee,
                            List.of(),
                            List.of(owner)));
        };
    }

    @Bean
    Consumer<NotifyEvents.Delivery> notifyDelivery(Lifecycle lifecycle, Clock clock) {
        return event -> {
            if (event.leadId() == null) {
                return;
            }
            String detail = event.purpose() + " via " + event.channel() + " to " + event.agentId() + ": "
                    + event.status() + " (attempt " + event.attempt() + ")";
            List<TimelineEntry> note =
                    List.of(new TimelineEntry(clock.instant(), "DELIVERY", "notify-service", detail));
            String key = key("notify-delivery", event.eventId());
            // A listing-match digest tells an agent about a new listing for a lead they already hold: it is not the
            // lead's own notification, so it never moves the lead to NOTIFIED.
            Lifecycle.Effect effect;
            if ("SENT".equals(event.status()) && !"LISTING_MATCH".equals(event.purpose())) {
                effect = new Lifecycle.Effect(key, LeadStatus.NOTIFIED, "notify-service", null, null, note, note);
            } else if ("ACKNOWLEDGED".equals(event.status())) {
                effect = new Lifecycle.Effect(
                        key, LeadStatus.ACKNOWLEDGED, event.agentId(), "通过通知链接确认", null, note, note);
            } else {
                effect = new Lifecycle.Effect(key, null, "notify-service", null, null, note, note);
            }
            lifecycle.apply(event.leadId(), effect);
        };
    }

    /** An event without an id cannot be recognised when redelivered; it still gets a key of its own. */
    private static String key(String consumer, String eventId) {
        return consumer + ":" + (eventId == null || eventId.isBlank() ? UUID.randomUUID() : eventId);
    }
}
