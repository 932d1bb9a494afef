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

    @ParameterizedTest(name = "{1} {0} = {2} 元/㎡/月")
    @CsvSource(textBlock = """
            YUAN_PER_SQM_DAY,      0.8, 24.0
            YUAN_PER_SQM_MONTH,   18.5, 18.5
            # Per 亩 and year: divided by 666.67 ㎡ and twelve months, 80000 / 666.67 / 12 = 10.00.
            YUAN_PER_MU_YEAR,    80000, 10.0
            YUAN_PER_MU_YEAR,    50000, 6.25
            """)
    void rentIsNormalizedToYuanPerSqmAndMonth(LeaseAmountFrequency frequency, double amount, double perSqmMonth) {
        assertThat(frequency.toYuanPerSqmMonth(amount)).isEqualTo(perSqmMonth);
    }

    @Test
    void muAndSquareMetresConvertAt666Point67() {
        assertThat(Units.muToSqm(10)).isEqualTo(6666.7);
        assertThat(Units.sqmToMu(6666.7)).isEqualTo(10.0);
        assertThat(Units.sqmToMu(null)).isNull();
        assertThat(AreaUnit.MU.toSqm(3.0)).isEqualTo(2000.01);
        assertThat(AreaUnit.SQM.toSqm(3.0)).isEqualTo(3.0);
    }

    @ParameterizedTest(name = "rated {0} hosts {1}: {2}")
    @CsvSource({"A, E, true", "C, C, true", "C, D, true", "C, B, false", "E, A, false"})
    void aBuildingRatedForAMoreHazardousClassHostsALessHazardousUse(
            FireHazardClass rating, FireHazardClass use, boolean hosts) {
        assertThat(rating.satisfies(use)).isEqualTo(hosts);
    }

    @Test
    void theRatingsSatisfyingAClassAreItAndTheMoreHazardousOnes() {
        assertThat(FireHazardClass.ratingsSatisfying(FireHazardClass.C))
                .containsExactly(FireHazardClass.A, FireHazardClass.B, FireHazardClass.C);
    }

    @ParameterizedTest(name = "{0} → {1} for {2}: {3}")
    @CsvSource(textBlock = """
            # The life cycle goes draft, review, published, then off the market.
            DRAFT,          PENDING_REVIEW, LEASE,         true
            PENDING_REVIEW, PUBLISHED,      LEASE,         true
            PENDING_REVIEW, DRAFT,          LEASE,         true
            PUBLISHED,      LEASED,         LEASE,         true
            LEASED,         WITHDRAWN,      LEASE,         true
            WITHDRAWN,      DRAFT,          LEASE,         true
            # A draft cannot be published without review, nor a withdrawn listing republished directly.
            DRAFT,          PUBLISHED,      LEASE,         false
            WITHDRAWN,      PUBLISHED,      LEASE,         false
            SOLD,           PUBLISHED,      SALE,          false
            PUBLISHED,      PUBLISHED,      SALE,          false
            # Only a listing offered for lease can be leased, and only one offered for sale sold.
            PUBLISHED,      SOLD,           LEASE,         false
            PUBLISHED,      LEASED,         SALE,          false
            PUBLISHED,      SOLD,           LEASE_OR_SALE, true
            PUBLISHED,      LEASED,         LEASE_OR_SALE, true
            """)
    void aStatusChangeIsAllowedOnlyAlongTheLifeCycle(ListingStatus from, ListingStatus to, Deal deal, boolean allowed) {
        assertThat(from.canBecome(to, deal)).isEqualTo(allowed);
    }
}
