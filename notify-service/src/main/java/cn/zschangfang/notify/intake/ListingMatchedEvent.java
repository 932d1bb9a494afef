package cn.zschangfang.notify.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * notify-service's own tolerant view of {@code lead.listing-matched} (lead-service owns the schema; key agentId):
 * a newly published listing matches these open leads of this agent. Unknown properties are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListingMatchedEvent(
        String eventId,
        Instant occurredAt,
        String listingId,
        String slug,
        String title,
        String agentId,
        List<String> leadIds) {}
