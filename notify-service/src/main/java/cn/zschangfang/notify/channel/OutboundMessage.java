package cn.zschangfang.notify.channel;

import cn.zschangfang.notify.lead.Lead;
import java.util.List;

/**
 * What to tell an agent: one lead, or several folded into a digest. A message covers exactly its items: the delivery
 * of each item's lead is recorded SENT only when a message carrying it was accepted.
 *
 * @param note extra line for escalations (e.g. who did not acknowledge)
 * @param deliveryId the delivery's id (SMS uses it as OutId)
 * @param inboxUrl the agent's inbox, the one link of a digest
 */
public record OutboundMessage(Purpose purpose, List<Item> items, String note, String deliveryId, String inboxUrl) {

    public OutboundMessage {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a message covers at least one lead");
        }
    }

    /** One lead with its acknowledgement link. */
    public record Item(Lead lead, String ackUrl) {}

    public boolean digest() {
        return items.size() > 1;
    }

    /** The ids of the leads this message covers, in order. */
    public List<String> leadIds() {
        return items.stream().map(i -> i.lead().leadId()).toList();
    }
}
