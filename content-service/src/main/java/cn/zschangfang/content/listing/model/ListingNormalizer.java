package cn.zschangfang.content.listing.model;

import cn.zschangfang.content.listing.reference.ZhongshanTowns;
import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.ApiException.FieldError;
import cn.zschangfang.platform.problem.FieldCode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks what Bean Validation cannot see on one field (the town against the reference list, fields that only make
 * sense together) and brings a spec into its stored form: the town's full name, the plot in ㎡ (and 亩 for display),
 * the rent in 元/㎡/月. Every problem found is reported at once, each naming its field.
 */
@Component
public class ListingNormalizer {

    /** How far a given 亩 figure may be from the given ㎡ figure when an editor sends both. */
    private static final double LOT_TOLERANCE_SQM = 1.0;

    private final ZhongshanTowns towns;

    public ListingNormalizer(ZhongshanTowns towns) {
        this.towns = towns;
    }

    /** The stored form of {@code s}, with {@code slug} as the listing's slug. */
    public ListingSpec normalize(ListingSpec s, String slug) {
        List<FieldError> errors = new ArrayList<>();
        String town = towns.resolve(s.town()).orElse(null);
        if (town == null) {
            errors.add(new FieldError("town", "unknown_town", "未知的镇街"));
        }
        Double lot = s.lotSizeArea();
        if (s.lotSizeMu() != null) {
            double fromMu = Units.muToSqm(s.lotSizeMu());
            if (lot != null && Math.abs(lot - fromMu) > LOT_TOLERANCE_SQM) {
                errors.add(FieldError.of("lotSizeMu", FieldCode.INVALID_VALUE, "亩数与占地面积(㎡)不一致"));
            }
            lot = lot == null ? fromMu : lot;
        }
        if (s.buildingAreaTotal() == null && lot == null) {
            errors.add(FieldError.of("buildingAreaTotal", FieldCode.REQUIRED, "建筑面积或占地面积至少填一项"));
        }
        Double area = s.buildingAreaTotal() != null ? s.buildingAreaTotal() : lot;
        if (s.leaseMode() == LeaseMode.DIVISIBLE && s.minDivisibleSqm() == null) {
            errors.add(FieldError.of("minDivisibleSqm", FieldCode.REQUIRED, "分租须填写最小分割面积"));
        }
        if (s.minDivisibleSqm() != null && area != null && s.minDivisibleSqm() > area) {
            errors.add(FieldError.of("minDivisibleSqm", FieldCode.OUT_OF_RANGE, "最小分割面积不能大于总面积"));
        }
        if (s.usableArea() != null && s.buildingAreaTotal() != null && s.usableArea() > s.buildingAreaTotal()) {
            errors.add(FieldError.of("usableArea", FieldCode.OUT_OF_RANGE, "使用面积不能大于建筑面积"));
        }
        if (s.floor() != null && s.floorsTotal() != null && s.floor() > s.floorsTotal()) {
            errors.add(FieldError.of("floor", FieldCode.OUT_OF_RANGE, "所在楼层不能高于总层数"));
        }
        if (s.buildingForm() == BuildingForm.SINGLE_STOREY && s.floorsTotal() != null && s.floorsTotal() > 1) {
            errors.add(FieldError.of("floorsTotal", FieldCode.INVALID_VALUE, "单层厂房的总层数应为 1"));
        }
        if (s.powerKva() != null && s.powerExpandableToKva() != null && s.powerExpandableToKva() < s.powerKva()) {
            errors.add(FieldError.of("powerExpandableToKva", FieldCode.OUT_OF_RANGE, "可扩容量不能小于现有配电"));
        }
        if (s.leaseAmount() != null && s.leaseAmountFrequency() == null) {
            errors.add(FieldError.of("leaseAmountFrequency", FieldCode.REQUIRED, "请填写租金单位"));
        }
        if (s.leaseAmount() == null && s.leaseAmountFrequency() != null) {
            errors.add(FieldError.of("leaseAmount", FieldCode.REQUIRED, "请填写租金"));
        }
        if (s.floorSpecs() != null) {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < s.floorSpecs().size(); i++) {
                if (!seen.add(s.floorSpecs().get(i).floor())) {
                    errors.add(FieldError.of("floorSpecs[" + i + "].floor", FieldCode.DUPLICATE, "楼层重复"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Double rent = s.leaseAmount() == null ? null : s.leaseAmountFrequency().toYuanPerSqmMonth(s.leaseAmount());
        return new ListingSpec(
                slug,
                s.title().strip(),
                s.description(),
                s.deal(),
                s.leaseMode() == null ? LeaseMode.WHOLE : s.leaseMode(),
                s.minDivisibleSqm(),
                s.propertyType(),
                s.buildingForm(),
                s.buildingForm() == BuildingForm.SINGLE_STOREY && s.floor() == null ? Integer.valueOf(1) : s.floor(),
                s.floorsTotal(),
                s.structure(),
                town,
                blankToNull(s.park()),
                blankToNull(s.address()),
                s.buildingAreaTotal(),
                s.usableArea(),
                lot,
                Units.sqmToMu(lot),
                s.clearHeightM(),
                s.floorSpecs() == null ? List.of() : List.copyOf(s.floorSpecs()),
                s.floorLoadTonsPerSqm(),
                s.powerKva(),
                s.powerExpandableToKva(),
                s.fireHazardClass(),
                s.fireResistanceGrade(),
                s.sprinklers(),
                s.craneTonnage(),
                s.freightLift(),
                s.freightLiftTons(),
                s.dock(),
                s.titleType(),
                s.landUse(),
                s.remainingTermYears(),
                s.eiaStatus(),
                s.allowedIndustries() == null ? List.of() : List.copyOf(s.allowedIndustries()),
                s.forbiddenIndustries() == null ? List.of() : List.copyOf(s.forbiddenIndustries()),
                s.amenities() == null || s.amenities().isEmpty() ? Set.of() : EnumSet.copyOf(s.amenities()),
                s.leaseAmount(),
                s.leaseAmountFrequency(),
                rent,
                s.taxIncluded(),
                s.propertyFeeIncluded(),
                s.propertyFeeYuanPerSqmMonth(),
                s.depositMonths(),
                s.paymentIntervalMonths(),
                s.rentFreeDays(),
                s.minLeaseTermMonths(),
                s.listPriceWan(),
                s.agentId(),
                s.markedDemo());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
