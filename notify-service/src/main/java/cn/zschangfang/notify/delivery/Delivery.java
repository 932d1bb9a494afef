package cn.zschangfang.notify.delivery;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one agent over one channel for one purpose. The {@code _id} is the unique key
 * {@code leadId|agentId|channel|purpose}, written (status PENDING) before anything is sent: a redelivered event
 * finds it and does not send again, and a crash after writing it is recovered by the sweep.
 *
 * @param deliveryId public id of the delivery (events, SMS OutId)
 * @param status PENDING → IN_FLIGHT (claimed, lease until {@code leaseUntil}) → SENT | FAILED | UNKNOWN
 * @param limitTarget the rate-limited destination (robot URL) or null
 * @param deferred whether it is waiting for the robot's rate limiter (then it may be folded into a digest)
 */
@Document("deliveries")
public record Delivery(
        @Id String key,
        String deliveryId,
        String leadId,
        String agentId,
        String channel,
        String purpose,
        String note,
        String status,
        int attempt,
        Instant nextAttemptAt,
        Instant leaseUntil,
        String limitTarget,
        boolean deferred,
        String lastCode,
        Instant createdAt,
        Instant sentAt,
        boolean digest) {

    public static final String PENDING = "PENDING";
    public static final String IN_FLIGHT = "IN_FLIGHT";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final String UNKNOWN = "UNKNOWN";

    public static String key(String leadId, String agentId, String channel, String purpose) {
        return leadId + "|" + agentId + "|" + channel + "|" + purpose;
    }
}
