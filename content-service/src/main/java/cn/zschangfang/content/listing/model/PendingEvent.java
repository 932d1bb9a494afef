package cn.zschangfang.content.listing.model;

import java.time.Instant;

/**
 * An event waiting in the listing document's outbox. Written in the same single-document update as the change it
 * reports (the stand-in has no transactions), removed only after the broker acknowledged it. The payload is the
 * exact JSON that goes on the wire, so a re-send by the relay carries the same {@code eventId}.
 *
 * @param binding Spring Cloud Stream output binding
 * @param type CloudEvents {@code ce_type}
 */
public record PendingEvent(String eventId, String binding, String type, String payload, Instant occurredAt) {}
