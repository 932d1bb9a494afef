package cn.zschangfang.lead.lifecycle;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStatus;
import cn.zschangfang.lead.inquiry.LeadStore;
import cn.zschangfang.lead.inquiry.TimelineEntry;
import cn.zschangfang.lead.outbox.OutboxEvents;
import cn.zschangfang.lead.outbox.OutboxPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Validated status moves. Each move is one atomic update carrying the new status, its timeline entry and a {@code
 * lead.status-changed} event in the outbox, published like {@code lead.captured}.
 */
@Service
public class Lifecycle {

    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    private final LeadStore store;
    private final OutboxEvents events;
    private final OutboxPublisher publisher;
    private final Clock clock;

    public Lifecycle(LeadStore store, OutboxEvents events, OutboxPublisher publisher, Clock clock) {
        this.store = store;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    public enum Outcome {
        CHANGED,
        NOT_ALLOWED,
        NOT_FOUND
    }

    /**
     * Moves the lead to {@code to} if its current status allows it. Retries when a concurrent move changed the
     * status between the read and the conditional update.
     */
    public Outcome move(String leadId, LeadStatus to, String actor, String detail, Update extra) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Lead> lead = store.find(leadId);
            if (lead.isEmpty()) {
                return Outcome.NOT_FOUND;
            }
            LeadStatus from = lead.get().status();
            if (!from.canMoveTo(to)) {
                return Outcome.NOT_ALLOWED;
            }
            Instant now = clock.instant();
            Update update = extra == null ? new Update() : Update.fromDocument(extra.getUpdateObject());
            if (to == LeadStatus.NOTIFIED && lead.get().notifiedAt() == null) {
                update.set("notifiedAt", now);
            }
            if (to.isAcknowledgedOrLater() && lead.get().acknowledgedAt() == null) {
                update.set("acknowledgedAt", now);
            }
            String text = from + " → " + to + (detail == null ? "" : "：" + detail);
            Optional<Lead> changed = store.changeStatus(
                    leadId,
                    from,
                    to,
                    new TimelineEntry(now, "STATUS_CHANGED", actor, text),
                    events.statusChanged(leadId, to, from, actor, now),
                    update);
            if (changed.isPresent()) {
                log.info("lead {} {} -> {} by {}", leadId, from, to, actor);
                publisher.publishWritten(changed.get());
                return Outcome.CHANGED;
            }
        }
        return Outcome.NOT_ALLOWED;
    }
}
