package cn.zschangfang.content.listing.search;

import cn.zschangfang.content.listing.model.BuildingForm;
import cn.zschangfang.content.listing.model.Deal;
import cn.zschangfang.content.listing.model.FireHazardClass;
import cn.zschangfang.content.listing.model.ListingStatus;
import cn.zschangfang.content.listing.model.PropertyType;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Turns a {@link ListingFilter} into a MongoDB criteria on published listings. Only plain equality, {@code $in},
 * ranges and one {@code $or} are used, which MongoDB 8 serves from the {@code status_*} indexes and the local
 * stand-in also understands.
 */
public final class ListingCriteria {

    private ListingCriteria() {}

    public static Criteria of(ListingFilter f, ListingSort sort) {
        Criteria c = Criteria.where("status").is(ListingStatus.PUBLISHED);
        if (f.deal() != null) {
            // 租售 is offered both ways, so it answers a search for either.
            c = c.and("spec.deal")
                    .in(
                            f.deal() == Deal.LEASE_OR_SALE
                                    ? List.of(Deal.LEASE_OR_SALE)
                                    : List.of(f.deal(), Deal.LEASE_OR_SALE));
        }
        if (f.standalone()) {
            c = c.and("spec.propertyType").is(PropertyType.STANDALONE_COMPOUND);
            if (f.propertyType() != null && f.propertyType() != PropertyType.STANDALONE_COMPOUND) {
                // Contradictory filters match nothing rather than silently dropping one of them.
                c = c.and("_id").is(null);
            }
        } else if (f.propertyType() != null) {
            c = c.and("spec.propertyType").is(f.propertyType());
        }
        if (f.town() != null) {
            c = c.and("spec.town").is(f.town());
        }
        // A divisible listing fits a range when some lettable size lies in it: whole area >= min, smallest unit <= max.
        if (f.minAreaSqm() != null) {
            c = c.and("areaSqm").gte(f.minAreaSqm());
        }
        if (f.maxAreaSqm() != null) {
            c = c.and("smallestSqm").lte(f.maxAreaSqm());
        }
        if (f.minRent() != null || f.maxRent() != null || sort == ListingSort.RENT) {
            Criteria rent = c.and("spec.rentYuanPerSqmMonth");
            if (f.minRent() != null) {
                rent.gte(f.minRent());
            }
            if (f.maxRent() != null) {
                rent.lte(f.maxRent());
            }
            if (f.minRent() == null && f.maxRent() == null) {
                rent.ne(null);
            }
        }
        if (f.minClearHeight() != null) {
            c = c.and("spec.clearHeightM").gte(f.minClearHeight());
        }
        if (f.minPower() != null) {
            c = c.and("spec.powerKva").gte(f.minPower());
        }
        if (f.fireClass() != null) {
            c = c.and("spec.fireHazardClass").in(FireHazardClass.ratingsSatisfying(f.fireClass()));
        }
        if (f.crane()) {
            c = c.and("spec.craneTonnage").gt(0);
        }
        if (f.groundFloor()) {
            c = c.orOperator(
                    Criteria.where("spec.buildingForm").is(BuildingForm.SINGLE_STOREY),
                    Criteria.where("spec.floor").is(1));
        }
        return c;
    }

    public static Sort sortOf(ListingSort sort) {
        return switch (sort) {
            case NEWEST -> Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.asc("_id"));
            case AREA -> Sort.by(Sort.Order.asc("areaSqm"), Sort.Order.asc("_id"));
            case RENT -> Sort.by(Sort.Order.asc("spec.rentYuanPerSqmMonth"), Sort.Order.asc("_id"));
        };
    }
}
