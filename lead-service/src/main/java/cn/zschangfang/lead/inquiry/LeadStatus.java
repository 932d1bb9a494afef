package cn.zschangfang.lead.inquiry;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a lead is in its life; {@link #canMoveTo} is the one place transitions are decided. */
public enum LeadStatus {
    NEW,
    ROUTED,
    NOTIFIED,
    ACKNOWLEDGED,
    CONTACTED,
    QUALIFIED,
    WON,
    LOST,
    SPAM,
    DUPLICATE;

    private static final Map<LeadStatus, Set<LeadStatus>> ALLOWED = Map.of(
            NEW, EnumSet.of(ROUTED, NOTIFIED, ACKNOWLEDGED, LOST, SPAM, DUPLICATE),
            // NOTIFIED may arrive before ROUTED: the two come on different topics.
            ROUTED, EnumSet.of(NOTIFIED, ACKNOWLEDGED, CONTACTED, LOST, SPAM, DUPLICATE),
            NOTIFIED, EnumSet.of(ACKNOWLEDGED, CONTACTED, LOST, SPAM, DUPLICATE),
            ACKNOWLEDGED, EnumSet.of(CONTACTED, QUALIFIED, LOST, SPAM, DUPLICATE),
            CONTACTED, EnumSet.of(QUALIFIED, LOST),
            QUALIFIED, EnumSet.of(WON, LOST),
            WON, EnumSet.noneOf(LeadStatus.class),
            LOST, EnumSet.noneOf(LeadStatus.class),
            SPAM, EnumSet.noneOf(LeadStatus.class),
            DUPLICATE, EnumSet.noneOf(LeadStatus.class));

    public boolean canMoveTo(LeadStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Statuses that mean an agent has taken the lead in hand (escalation can stop). */
    public boolean isAcknowledgedOrLater() {
        return this == ACKNOWLEDGED || this == CONTACTED || this == QUALIFIED || this == WON || this == LOST;
    }
}
