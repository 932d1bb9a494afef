package cn.zschangfang.platform.outbox;

/** Puts one outbox message on the broker and waits for its acknowledgement. */
@FunctionalInterface
public interface OutboxSender {

    /** @return true once the broker acknowledged the message; false (never an exception) when it did not */
    boolean send(OutboxMessage message);
}
