package cn.zschangfang.notify.delivery;

/**
 * State of one delivery record, stored by name: PENDING → IN_FLIGHT (claimed, lease) → SENT | FAILED | UNKNOWN; a
 * transient failure or a wait for the robot's limiter goes back to PENDING.
 */
public enum DeliveryStatus {
    PENDING,
    IN_FLIGHT,
    SENT,
    FAILED,
    /** The channel may or may not have sent it (e.g. an SMS timeout): never resent blindly. */
    UNKNOWN
}
