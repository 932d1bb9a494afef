package cn.zschangfang.notify.channel;

/** Why a message is sent; stored by name in {@code deliveries.purpose} and sent in {@code notify.delivery}. */
public enum Purpose {
    NEW_LEAD,
    ESCALATION,
    DIGEST,
    /** One digest per {@code lead.listing-matched} event: a new listing fits N of the agent's open leads. */
    LISTING_MATCH,
    /** The admin's test message to each channel of an agent: sent at once, never stored nor published. */
    TEST
}
