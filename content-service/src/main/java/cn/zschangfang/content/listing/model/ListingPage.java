package cn.zschangfang.content.listing.model;

import java.util.List;

/** One page of listings, the same envelope as articles. */
public record ListingPage(List<ListingSummary> items, int page, int size, long total) {}
