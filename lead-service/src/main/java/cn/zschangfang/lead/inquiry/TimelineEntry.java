package cn.zschangfang.lead.inquiry;

import java.time.Instant;

/**
 * One thing that happened to a lead.
 *
 * @param type CAPTURED, DUPLICATE_SUBMISSION, STATUS_CHANGED, ROUTED, DELIVERY, NOTE, PERSONAL_DATA_ERASED,
 *     LISTING_MATCHED (a newly published listing fits the lead; detail names the listing id and title)
 */
public record TimelineEntry(Instant at, String type, String actor, String detail) {}
