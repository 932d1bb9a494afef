package cn.zschangfang.content.listing.model;

import java.time.Instant;

/** A listing in search results (the listing contract's {@code ListingSummary}). */
public record ListingSummary(
        String id,
        String slug,
        String title,
        Deal deal,
        PropertyType propertyType,
        String town,
        String park,
        Double buildingAreaTotal,
        Double lotSizeArea,
        Double clearHeightM,
        Integer powerKva,
        Integer floor,
        Integer floorsTotal,
        Double rentYuanPerSqmMonth,
        Double leaseAmount,
        LeaseAmountFrequency leaseAmountFrequency,
        Double listPriceWan,
        PhotoLinks coverPhoto,
        ListingStatus status,
        Instant publishedAt,
        boolean demo) {

    public static ListingSummary of(Listing l) {
        ListingSpec s = l.spec();
        return new ListingSummary(
                l.id(),
                l.slug(),
                s.title(),
                s.deal(),
                s.propertyType(),
                s.town(),
                s.park(),
                s.buildingAreaTotal(),
                s.lotSizeArea(),
                s.clearHeightM(),
                s.powerKva(),
                s.floor(),
                s.floorsTotal(),
                s.rentYuanPerSqmMonth(),
                s.leaseAmount(),
                s.leaseAmountFrequency(),
                s.listPriceWan(),
                l.photosOrEmpty().isEmpty()
                        ? null
                        : PhotoLinks.of(l.id(), l.photosOrEmpty().get(0)),
                l.status(),
                l.publishedAt(),
                s.markedDemo());
    }
}
