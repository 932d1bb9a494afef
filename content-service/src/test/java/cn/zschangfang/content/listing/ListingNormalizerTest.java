package cn.zschangfang.content.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.zschangfang.content.listing.model.BuildingForm;
import cn.zschangfang.content.listing.model.Deal;
import cn.zschangfang.content.listing.model.LeaseAmountFrequency;
import cn.zschangfang.content.listing.model.LeaseMode;
import cn.zschangfang.content.listing.model.ListingNormalizer;
import cn.zschangfang.content.listing.model.ListingSpec;
import cn.zschangfang.content.listing.model.PropertyType;
import cn.zschangfang.content.listing.reference.ZhongshanTowns;
import cn.zschangfang.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

class ListingNormalizerTest {

    private final ListingNormalizer normalizer = new ListingNormalizer(new ZhongshanTowns());

    static ListingSpec spec(
            String town,
            Double building,
            Double lotSqm,
            Double lotMu,
            LeaseMode mode,
            Double minDivisible,
            Double rent,
            LeaseAmountFrequency unit,
            BuildingForm form,
            Integer floor,
            Integer floors) {
        return new ListingSpec(
                null,
                "测试厂房",
                null,
                Deal.LEASE,
                mode,
                minDivisible,
                PropertyType.STANDARD_FACTORY,
                form,
                floor,
                floors,
                null,
                town,
                null,
                null,
                building,
                null,
                lotSqm,
                lotMu,
                8.0,
                null,
                null,
                500,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                rent,
                unit,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "demo-liwei",
                null);
    }

    private static ListingSpec simple(String town) {
        return spec(
                town,
                3200.0,
                null,
                null,
                null,
                null,
                18.0,
                LeaseAmountFrequency.YUAN_PER_SQM_MONTH,
                BuildingForm.SINGLE_STOREY,
                null,
                null);
    }

    @Test
    void shortTownNamesResolveToTheReferenceListsFullName() {
        assertThat(normalizer.normalize(simple("火炬"), "s").town()).isEqualTo("火炬开发区");
        assertThat(normalizer.normalize(simple("中山市小榄镇"), "s").town()).isEqualTo("小榄镇");
    }

    @Test
    void aTownOutsideTheReferenceListIsRefusedNamingTheField() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> normalizer.normalize(simple("顺德区"), "s"));
        assertThat(e.errors())
                .extracting(ApiException.FieldError::field, ApiException.FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("town", "unknown_town"));
    }

    @Test
    void landGivenInMuIsStoredInSquareMetresAndRentIsNormalized() {
        ListingSpec land = spec(
                "三角镇", null, null, 15.0, null, null, 60_000.0, LeaseAmountFrequency.YUAN_PER_MU_YEAR, null, null, null);
        ListingSpec stored = normalizer.normalize(land, "s");
        assertThat(stored.lotSizeArea()).isEqualTo(10000.05);
        assertThat(stored.lotSizeMu()).isEqualTo(15.0);
        assertThat(stored.areaSqm()).isEqualTo(10000.05);
        assertThat(stored.rentYuanPerSqmMonth()).isEqualTo(7.5);
        assertThat(stored.leaseMode()).isEqualTo(LeaseMode.WHOLE);
    }

    @Test
    void aSingleStoreyBuildingIsOnTheGroundFloor() {
        ListingSpec stored = normalizer.normalize(simple("火炬开发区"), "s");
        assertThat(stored.floor()).isEqualTo(1);
        assertThat(stored.groundFloor()).isTrue();
    }

    @Test
    void inconsistentFieldsAreAllReportedEachByName() {
        ListingSpec bad = spec(
                "火炬开发区", 1000.0, 700.0, 5.0, LeaseMode.DIVISIBLE, 2000.0, 18.0, null, BuildingForm.SINGLE_STOREY, 3, 2);
        ApiException e = catchThrowableOfType(ApiException.class, () -> normalizer.normalize(bad, "s"));
        assertThat(e.errors())
                .extracting(ApiException.FieldError::field)
                .containsExactlyInAnyOrder(
                        "lotSizeMu", "minDivisibleSqm", "floor", "floorsTotal", "leaseAmountFrequency");
    }

    @Test
    void aListingWithoutAnyAreaIsRefused() {
        ListingSpec none = spec("火炬开发区", null, null, null, null, null, null, null, null, null, null);
        ApiException e = catchThrowableOfType(ApiException.class, () -> normalizer.normalize(none, "s"));
        assertThat(e.errors()).extracting(ApiException.FieldError::field).containsExactly("buildingAreaTotal");
    }
}
