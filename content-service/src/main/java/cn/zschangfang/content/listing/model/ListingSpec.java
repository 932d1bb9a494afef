package cn.zschangfang.content.listing.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/**
 * Everything an editor writes about a listing: the admin body of create and replace, and (after {@link
 * ListingNormalizer}) what is stored in {@code listings.spec}. Field names follow the RESO Data Dictionary where it
 * has one (PropertyType, BuildingAreaTotal, LotSizeArea, LeaseAmount, LeaseAmountFrequency, ListPrice as {@code
 * listPriceWan} in 万元). Areas in ㎡; {@code lotSizeMu} may be given instead of {@code lotSizeArea} and is derived
 * from it on output; {@code rentYuanPerSqmMonth} is always computed. {@code slug} may be left out on create (one
 * is generated) and on replace (it stays).
 */
public record ListingSpec(
        @Size(max = 120) @Pattern(regexp = ListingSpec.SLUG_PATTERN)
        String slug,

        @NotBlank @Size(max = 120) String title,
        @Size(max = 5000) String description,
        @NotNull Deal deal,
        LeaseMode leaseMode,
        @DecimalMin("1") @DecimalMax("10000000") Double minDivisibleSqm,
        @NotNull PropertyType propertyType,
        BuildingForm buildingForm,
        @Min(-5) @Max(200) Integer floor,
        @Min(1) @Max(200) Integer floorsTotal,
        Structure structure,
        @NotBlank @Size(max = 20) String town,
        @Size(max = 100) String park,
        @Size(max = 200) String address,
        @DecimalMin("1") @DecimalMax("10000000") Double buildingAreaTotal,
        @DecimalMin("1") @DecimalMax("10000000") Double usableArea,
        @DecimalMin("1") @DecimalMax("100000000") Double lotSizeArea,
        @DecimalMin("0.01") @DecimalMax("150000") Double lotSizeMu,
        @DecimalMin("1") @DecimalMax("60") Double clearHeightM,
        @Size(max = 200) List<@Valid @NotNull FloorSpec> floorSpecs,
        @DecimalMin("0.1") @DecimalMax("100") Double floorLoadTonsPerSqm,
        @Min(1) @Max(1_000_000) Integer powerKva,
        @Min(1) @Max(1_000_000) Integer powerExpandableToKva,
        FireHazardClass fireHazardClass,
        FireResistanceGrade fireResistanceGrade,
        Boolean sprinklers,
        @DecimalMin("0") @DecimalMax("1000") Double craneTonnage,
        Boolean freightLift,
        @DecimalMin("0") @DecimalMax("100") Double freightLiftTons,
        Boolean dock,
        TitleType titleType,
        LandUse landUse,
        @Min(0) @Max(99) Integer remainingTermYears,
        EiaStatus eiaStatus,
        @Size(max = 30) List<@NotBlank @Size(max = 40) String> allowedIndustries,
        @Size(max = 30) List<@NotBlank @Size(max = 40) String> forbiddenIndustries,
        Set<Amenity> amenities,
        @DecimalMin("0") @DecimalMax("100000000") Double leaseAmount,
        LeaseAmountFrequency leaseAmountFrequency,

        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        Double rentYuanPerSqmMonth,

        Boolean taxIncluded,
        Boolean propertyFeeIncluded,
        @DecimalMin("0") @DecimalMax("1000") Double propertyFeeYuanPerSqmMonth,
        @Min(0) @Max(24) Integer depositMonths,
        @Min(1) @Max(24) Integer paymentIntervalMonths,
        @Min(0) @Max(3650) Integer rentFreeDays,
        @Min(1) @Max(1200) Integer minLeaseTermMonths,
        @DecimalMin("0") @DecimalMax("10000000") Double listPriceWan,

        @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9._-]+$")
        String agentId,

        Boolean demo) {

    /** Lowercase ASCII kebab-case; generated from type, area and a random suffix when an editor leaves it out. */
    public static final String SLUG_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

    /** The area searched and sorted on: the building's, or the plot's for land. */
    public Double areaSqm() {
        return buildingAreaTotal != null ? buildingAreaTotal : lotSizeArea;
    }

    /** The smallest area a tenant can take: the divisible unit when 分租, else the whole. */
    public Double smallestLettableSqm() {
        if (leaseMode == LeaseMode.DIVISIBLE && minDivisibleSqm != null) {
            return minDivisibleSqm;
        }
        return areaSqm();
    }

    /** On the ground floor: a single-storey building, or floor 1. */
    public boolean groundFloor() {
        return buildingForm == BuildingForm.SINGLE_STOREY || (floor != null && floor == 1);
    }

    public boolean markedDemo() {
        return Boolean.TRUE.equals(demo);
    }
}
