package cn.zschangfang.lead.inquiry;

/**
 * The listing whose page the inquiry was sent from, as the listing projection knew it at capture: notify-service
 * routes such a lead to {@code agentId} first.
 */
public record SourceListing(String listingId, String slug, String title, String agentId) {}
