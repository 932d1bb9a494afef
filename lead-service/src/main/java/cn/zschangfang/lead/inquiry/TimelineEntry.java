package cn.zschangfang.lead.inquiry;

import java.time.Instant;

/**
 * One thing that happened to a lead.
 *
 * @param type CAPTURED, DUPLICATE_SUBMISSION, STATUS_CHANGED, ROUTED, DELIVERY, NOTE, PERSONAL_DATA_ERASED
 */
public record TimelineEntry(Instant at, String type, String actor, String detail) {}
