package cn.zschangfang.notify.channel;

import cn.zschangfang.notify.intake.LeadCapturedEvent;
import java.util.List;

/**
 * What to tell an agent: one lead (or several folded into a digest), with links.
 *
 * @param purpose NEW_LEAD, ESCALATION or DIGEST
 * @param note extra line for escalations (e.g. who did not acknowledge), already safe text
 * @param deliveryId the delivery's id (SMS uses it as OutId)
 */
public record OutboundMessage(String purpose, List<Item> items, String note, String deliveryId) {

    /** One lead with its links. */
    public record Item(LeadCapturedEvent lead, String leadUrl, String ackUrl) {}
}
