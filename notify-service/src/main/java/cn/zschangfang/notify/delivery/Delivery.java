package cn.zschangfang.notify.delivery;

import cn.zschangfang.notify.channel.ChannelType;
import cn.zschangfang.notify.channel.OutboundMessage;
import cn.zschangfang.notify.channel.Purpose;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one agent over one channel for one purpose. The {@code _id} is the unique key
 * {@code leadId|agentId|channel|purpose[#step]}, written (status PENDING) before anything is sent: a redelivered
 * event finds it and does not send again, and a crash after writing it is recovered by the sweep. Enums are stored
 * by name, as the strings they replaced.
 *
 * @param deliveryId public id of the delivery (events, SMS OutId)
 * @param claimToken who holds the current claim (one per dispatch): outcomes and renewals are fenced by it, so a
 *     holder that outlived its lease cannot overwrite, nor send again, what a later claim took over
 * @param limitTarget the rate-limited destination (robot URL) or null
 * @param deferred whether it is waiting for the robot's rate limiter (then it may be folded into a digest)
 * @param digest whether the message that carried it was a digest
 * @param matchId for {@link Purpose#LISTING_MATCH}: the {@code lead.listing-matched} event id (then leadId is null)
 * @param listingMatch for {@link Purpose#LISTING_MATCH}: the listing and lead ids the digest shows
 */
@Document("deliveries")
public record Delivery(
        @Id String key,
        String deliveryId,
        String leadId,
        String agentId,
        ChannelType channel,
        Purpose purpose,
        String note,
        DeliveryStatus status,
        int attempt,
        Instant nextAttemptAt,
        Instant leaseUntil,
        String claimToken,
        String limitTarget,
        boolean deferred,
        String lastCode,
        Instant createdAt,
        Instant sentAt,
        boolean digest,
        String matchId,
        OutboundMessage.ListingMatch listingMatch) {

    /** A new delivery, due now, not yet attempted. */
    public static Delivery planned(
            String leadId,
            String agentId,
            ChannelType channel,
            Purpose purpose,
            int step,
            String note,
            String limitTarget,
            Instant now) {
        return pending(
                key(leadId, agentId, channel.name(), step == 0 ? purpose.name() : purpose.name() + "#" + step),
                leadId,
                agentId,
                channel,
                purpose,
                note,
                limitTarget,
                now,
                null,
                null);
    }

    /**
     * The one digest of a {@code lead.listing-matched} event to its agent: keyed by the event id (not by a lead), so a
     * redelivered event finds it; it carries what it shows, so a retry after a crash renders the same message.
     */
    public static Delivery listingMatch(
            String eventId,
            String agentId,
            ChannelType channel,
            OutboundMessage.ListingMatch match,
            String limitTarget,
            Instant now) {
        return pending(
                key(MATCH_PREFIX + eventId, agentId, channel.name(), Purpose.LISTING_MATCH.name()),
                null,
                agentId,
                channel,
                Purpose.LISTING_MATCH,
                null,
                limitTarget,
                now,
                eventId,
                match);
    }

    /** PENDING, due {@code now}, not attempted, leased, deferred nor sent yet. */
    private static Delivery pending(
            String key,
            String leadId,
            String agentId,
            ChannelType channel,
            Purpose purpose,
            String note,
            String limitTarget,
            Instant now,
            String matchId,
            OutboundMessage.ListingMatch match) {
        return new Delivery(
                key,
                UUID.randomUUID().toString(),
                leadId,
                agentId,
                channel,
                purpose,
                note,
                DeliveryStatus.PENDING,
                0,
                now,
                null,
                null,
                limitTarget,
                false,
                null,
                now,
                null,
                false,
                matchId,
                match);
    }

    static final String MATCH_PREFIX = "match:";

    public static String key(String leadId, String agentId, String channel, String purpose) {
        return leadId + "|" + agentId + "|" + channel + "|" + purpose;
    }

    /** 0 for the first routing, n for the n-th escalation, 100 + n for the duty manager's fallback. */
    public int step() {
        String keyPurpose = key.substring(key.lastIndexOf('|') + 1);
        int hash = keyPurpose.indexOf('#');
        return hash < 0 ? 0 : Integer.parseInt(keyPurpose.substring(hash + 1));
    }
}
