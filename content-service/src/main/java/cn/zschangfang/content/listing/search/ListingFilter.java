package cn.zschangfang.content.listing.search;

import cn.zschangfang.content.listing.model.Deal;
import cn.zschangfang.content.listing.model.FireHazardClass;
import cn.zschangfang.content.listing.model.PropertyType;

/**
 * What a visitor searches for, areas already in ㎡ and the town in its full name. Null means "any".
 *
 * @param minRent lower bound of the normalized rent (元/㎡/月)
 * @param fireClass the hazard class of the visitor's use: buildings rated for it or a more hazardous class match
 * @param groundFloor only single-storey buildings or floor 1
 * @param standalone only 独门独院
 * @param crane only listings with a crane
 */
public record ListingFilter(
        Deal deal,
        PropertyType propertyType,
        String town,
        Double minAreaSqm,
        Double maxAreaSqm,
        Double minRent,
        Double maxRent,
        Double minClearHeight,
        Integer minPower,
        FireHazardClass fireClass,
        boolean groundFloor,
        boolean standalone,
        boolean crane) {

    public static ListingFilter any() {
        return new ListingFilter(null, null, null, null, null, null, null, null, null, null, false, false, false);
    }
}
