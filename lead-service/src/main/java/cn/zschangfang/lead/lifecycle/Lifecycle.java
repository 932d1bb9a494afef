package cn.zschangfang.lead.lifecycle;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStatus;
import cn.zschangfang.lead.inquiry.LeadStore;
import cn.zschangfang.lead.inquiry.TimelineEntry;
import cn.zschangfang.lead.outbox.OutboxEvents;
import cn.zschangfang.lead.outbox.OutboxPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        NOT_FOUND,
        /** The incoming event was applied to this lead before: a redelivery, nothing written. */
        ALREADY_APPLIED
    }

    /**
     * What an incoming event does to a lead, applied at most once per {@code key}: a move to {@code to} (none when
     * null) with {@code fields} and {@code notes} before the status entry; when the move is not allowed, the fields
     * and {@code notesIfNotMoved} alone.
     */
    public record Effect(
            String key,
            LeadStatus to,
            String actor,
            String detail,
            Update fields,
            List<TimelineEntry> notes,
            List<TimelineEntry> notesIfNotMoved) {}

    /**
     * Moves the lead to {@code to} if its current status allows it. Retries when a concurrent move changed the
     * status between the read and the conditional update.
     */
    public Outcome move(String leadId, LeadStatus to, String actor, String detail, Update extra) {
        return apply(leadId, new Effect(null, to, actor, detail, extra, List.of(), List.of()));
    }

    /**
     * Applies an event's effect. With a key, the effect and the key are one update, so it is applied once however
     * often the event is delivered, and a crash leaves either both or neither.
     */
    public Outcome apply(String leadId, Effect effect) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Lead> lead = store.findStatus(leadId);
            if (lead.isEmpty()) {
                return Outcome.NOT_FOUND;
            }
            LeadStatus from = lead.get().status();
            LeadStatus to = effect.to();
            if (to == null || !from.canMoveTo(to)) {
                if (effect.key() == null) {
                    return Outcome.NOT_ALLOWED;
                }
                return store.applyOnce(leadId, effect.key(), effect.notesIfNotMoved(), effect.fields())
                        ? Outcome.NOT_ALLOWED
                        : Outcome.ALREADY_APPLIED;
            }
            Instant now = clock.instant();
            Update update = effect.fields() == null
                    ? new Update()
                    : Update.fromDocument(effect.fields().getUpdateObject());
            if (to == LeadStatus.NOTIFIED && lead.get().notifiedAt() == null) {
                update.set("notifiedAt", now);
            }
            if (to.isAcknowledgedOrLater() && lead.get().acknowledgedAt() == null) {
                update.set("acknowledgedAt", now);
            }
            String text = from + " → " + to + (effect.detail() == null ? "" : "：" + effect.detail());
            List<TimelineEntry> entries = new ArrayList<>(effect.notes());
            entries.add(new TimelineEntry(now, "STATUS_CHANGED", effect.actor(), text));
            Optional<Lead> changed = store.changeStatus(
                    leadId,
                    from,
                    to,
                    entries,
                    events.statusChanged(leadId, to, from, effect.actor(), now),
                    update,
                    effect.key());
            if (changed.isPresent()) {
                log.info("lead {} {} -> {} by {}", leadId, from, to, effect.actor());
                publisher.publishWritten(changed.get());
                return Outcome.CHANGED;
            }
            if (effect.key() != null && store.applied(leadId, effect.key())) {
                return Outcome.ALREADY_APPLIED;
            }
        }
        return Outcome.NOT_ALLOWED;
    }
}
