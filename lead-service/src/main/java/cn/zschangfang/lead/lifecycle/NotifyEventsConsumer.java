package cn.zschangfang.lead.lifecycle;

import cn.zschangfang.lead.dedupe.ProcessedEvents;
import cn.zschangfang.lead.inquiry.LeadStatus;
import cn.zschangfang.lead.inquiry.LeadStore;
import cn.zschangfang.lead.inquiry.TimelineEntry;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Bindings {@code leadRouted-in-0} ({@code lead.routed}) and {@code notifyDelivery-in-0} ({@code notify.delivery}),
 * group {@code lead-service}: advance the lead to ROUTED, NOTIFIED, ACKNOWLEDGED and record each on the timeline.
 * A redelivered event id is ignored.
 */
@Configuration(proxyBeanMethods = false)
public class NotifyEventsConsumer {

    @Bean
    Consumer<NotifyEvents.LeadRouted> leadRouted(
            Lifecycle lifecycle, LeadStore store, ProcessedEvents processed, Clock clock) {
        return event -> {
            if (event.leadId() == null || !processed.firstTime("lead-routed", event.eventId())) {
                return;
            }
            try {
                Update assignee =
                        new Update().set("assigneeId", event.agentId()).set("assigneeName", event.agentName());
                String detail = (Boolean.TRUE.equals(event.escalation()) ? "升级转派给 " : "分配给 ") + event.agentName() + "（"
                        + event.strategy() + "）";
                Lifecycle.Outcome outcome =
                        lifecycle.move(event.leadId(), LeadStatus.ROUTED, "notify-service", detail, assignee);
                if (outcome == Lifecycle.Outcome.NOT_ALLOWED) {
                    // Already past ROUTED (e.g. an escalation to another agent): keep status, record the new owner.
                    store.update(
                            event.leadId(),
                            assignee.push(
                                    "timeline",
                                    new TimelineEntry(clock.instant(), "ROUTED", "notify-service", detail)));
                }
            } catch (RuntimeException e) {
                processed.forget("lead-routed", event.eventId());
                throw e;
            }
        };
    }

    @Bean
    Consumer<NotifyEvents.Delivery> notifyDelivery(
            Lifecycle lifecycle, LeadStore store, ProcessedEvents processed, Clock clock) {
        return event -> {
            if (event.leadId() == null || !processed.firstTime("notify-delivery", event.eventId())) {
                return;
            }
            try {
                String detail = event.purpose() + " via " + event.channel() + " to " + event.agentId() + ": "
                        + event.status() + " (attempt " + event.attempt() + ")";
                store.update(
                        event.leadId(),
                        new Update()
                                .push(
                                        "timeline",
                                        new TimelineEntry(clock.instant(), "DELIVERY", "notify-service", detail)));
                // A listing-match digest tells an agent about a new listing for a lead they already hold: it is not
                // the lead's own notification, so it never moves the lead to NOTIFIED.
                if ("SENT".equals(event.status()) && !"LISTING_MATCH".equals(event.purpose())) {
                    lifecycle.move(event.leadId(), LeadStatus.NOTIFIED, "notify-service", null, null);
                } else if ("ACKNOWLEDGED".equals(event.status())) {
                    lifecycle.move(event.leadId(), LeadStatus.ACKNOWLEDGED, event.agentId(), "通过通知链接确认", null);
                }
            } catch (RuntimeException e) {
                processed.forget("notify-delivery", event.eventId());
                throw e;
            }
        };
    }
}
