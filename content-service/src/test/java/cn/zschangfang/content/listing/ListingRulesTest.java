package cn.zschangfang.content.listing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.content.listing.model.Deal;
import cn.zschangfang.content.listing.model.FireHazardClass;
import cn.zschangfang.content.listing.model.LeaseAmountFrequency;
import cn.zschangfang.content.listing.model.ListingStatus;
import cn.zschangfang.content.listing.model.Units;
import cn.zschangfang.content.listing.search.AreaUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unit normalization, fire-class matching and the life cycle. */
class ListingRulesTest {

    @Test
    void rentPerDayIsThirtyTimesPerMonth() {
        assertThat(LeaseAmountFrequency.YUAN_PER_SQM_DAY.toYuanPerSqmMonth(0.8)).isEqualTo(24.0);
        assertThat(LeaseAmountFrequency.YUAN_PER_SQM_MONTH.toYuanPerSqmMonth(18.5))
                .isEqualTo(18.5);
    }

    @Test
    void rentPerMuAndYearIsDividedBy666Point67SqmAndTwelveMonths() {
        // 80,000 元/亩/年 = 80000 / 666.67 / 12 = 10.00 元/㎡/月
        assertThat(LeaseAmountFrequency.YUAN_PER_MU_YEAR.toYuanPerSqmMonth(80_000))
                .isEqualTo(10.0);
        assertThat(LeaseAmountFrequency.YUAN_PER_MU_YEAR.toYuanPerSqmMonth(50_000))
                .isEqualTo(6.25);
    }

    @Test
    void muAndSquareMetresConvertAt666Point67() {
        assertThat(Units.muToSqm(10)).isEqualTo(6666.7);
        assertThat(Units.sqmToMu(6666.7)).isEqualTo(10.0);
        assertThat(Units.sqmToMu(null)).isNull();
        assertThat(AreaUnit.MU.toSqm(3.0)).isEqualTo(2000.01);
        assertThat(AreaUnit.SQM.toSqm(3.0)).isEqualTo(3.0);
    }

    @Test
    void aBuildingRatedForAMoreHazardousClassHostsALessHazardousUse() {
        assertThat(FireHazardClass.A.satisfies(FireHazardClass.E)).isTrue();
        assertThat(FireHazardClass.C.satisfies(FireHazardClass.C)).isTrue();
        assertThat(FireHazardClass.C.satisfies(FireHazardClass.D)).isTrue();
        assertThat(FireHazardClass.C.satisfies(FireHazardClass.B)).isFalse();
        assertThat(FireHazardClass.E.satisfies(FireHazardClass.A)).isFalse();
        assertThat(FireHazardClass.ratingsSatisfying(FireHazardClass.C))
                .containsExactly(FireHazardClass.A, FireHazardClass.B, FireHazardClass.C);
    }

    @ParameterizedTest(name = "{0} → {1} for {2}")
    @CsvSource({
        "DRAFT, PENDING_REVIEW, LEASE",
        "PENDING_REVIEW, PUBLISHED, LEASE",
        "PENDING_REVIEW, DRAFT, LEASE",
        "PUBLISHED, LEASED, LEASE",
        "LEASED, WITHDRAWN, LEASE",
        "WITHDRAWN, DRAFT, LEASE"
    })
    void lifeCycleGoesDraftReviewPublishedThenOffTheMarket(ListingStatus from, ListingStatus to, Deal deal) {
        assertThat(from.canBecome(to, deal)).isTrue();
    }

    @ParameterizedTest(name = "{0} → {1} for {2}")
    @CsvSource({
        "DRAFT, PUBLISHED, LEASE",
        "WITHDRAWN, PUBLISHED, LEASE",
        "SOLD, PUBLISHED, SALE",
        "PUBLISHED, PUBLISHED, SALE"
    })
    void aDraftCannotBePublishedWithoutReviewNorAWithdrawnListingRepublishedDirectly(
            ListingStatus from, ListingStatus to, Deal deal) {
        assertThat(from.canBecome(to, deal)).isFalse();
    }

    @ParameterizedTest(name = "{0} → {1} for {2}: {3}")
    @CsvSource({
        "PUBLISHED, SOLD, LEASE, false",
        "PUBLISHED, LEASED, SALE, false",
        "PUBLISHED, SOLD, LEASE_OR_SALE, true",
        "PUBLISHED, LEASED, LEASE_OR_SALE, true"
    })
    void onlyAListingOfferedForLeaseCanBeLeasedAndOnlyOneForSaleSold(
            ListingStatus from, ListingStatus to, Deal deal, boolean allowed) {
        assertThat(from.canBecome(to, deal)).isEqualTo(allowed);
    }
}
