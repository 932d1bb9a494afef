package cn.zschangfang.lead.outbox;

import java.time.Instant;
import java.util.List;

/**
 * Payload of {@code lead.listing-matched} (schema: {@code contracts/lead.listing-matched.schema.json}): a newly
 * published listing fits these open leads of one agent. Key = {@code agentId}.
 */
public record LeadListingMatchedEvent(
        String eventId,
        Instant occurredAt,
        String listingId,
        String slug,
        String title,
        String agentId,
        List<String> leadIds) {}
