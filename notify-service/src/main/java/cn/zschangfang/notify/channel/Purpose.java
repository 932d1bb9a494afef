package cn.zschangfang.notify.channel;

/** Why a message is sent; stored by name in {@code deliveries.purpose} and sent in {@code notify.delivery}. */
public enum Purpose {
    NEW_LEAD,
    ESCALATION,
    DIGEST
}
