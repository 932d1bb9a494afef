package cn.zschangfang.content.listing.model;

import java.time.Instant;

/** One entry of a listing's status history: who set which status, when and why. */
public record StatusChange(ListingStatus status, String by, Instant at, String reason) {}
