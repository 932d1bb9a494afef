package cn.zschangfang.content.listing.search;

/** Orders of the public search. */
public enum ListingSort {
    /** Most recently published first. */
    NEWEST,
    /** Smallest area first. */
    AREA,
    /** Cheapest normalized rent first; listings without a rent (for sale only) are left out. */
    RENT
}
