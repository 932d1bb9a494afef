package cn.zschangfang.lead.listing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.ListingMatch;
import cn.zschangfang.lead.inquiry.Requirements;
import cn.zschangfang.lead.inquiry.Requirements.BudgetUnit;
import cn.zschangfang.lead.inquiry.Requirements.FireClass;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListingMatcherTest {

    private final ListingMatcher matcher = new ListingMatcher(0.10);

    private static Lead.Inquiry inquiry(
            Lead.Intent intent, Lead.PropertyType type, String town, Lead.Range sqm, Lead.Range mu) {
        return new Lead.Inquiry(intent, type, town, sqm, mu, null, null, null);
    }

    private static ListingMatcher.Need lease(Lead.Range sqm, Requirements req) {
        return ListingMatcher.Need.of(inquiry(Lead.Intent.LEASE, Lead.PropertyType.FACTORY, "沙溪镇", sqm, null), req);
    }

    private static Requirements req(
            Double height,
            Double power,
            Requirements.Floor floor,
            FireClass fire,
            Double crane,
            Requirements.Budget budget) {
        return new Requirements(height, power, floor, fire, crane, budget, null, null, null);
    }

    private ListingMatch match(ListingMatcher.Need need, TestListings.Builder listing) {
        return matcher.match(need, listing.candidate());
    }

    @Test
    void aLeaseInquiryMatchesLeaseAndLeaseOrSaleListingsButNotOnesOnlyForSale() {
        ListingMatcher.Need need = lease(null, null);

        assertThat(match(need, TestListings.factory("l").deal("LEASE"))).isNotNull();
        assertThat(match(need, TestListings.factory("ls").deal("LEASE_OR_SALE")))
                .isNotNull();
        assertThat(match(need, TestListings.factory("s").deal("SALE"))).isNull();
        ListingMatcher.Need buy =
                ListingMatcher.Need.of(inquiry(Lead.Intent.BUY, Lead.PropertyType.FACTORY, "沙溪镇", null, null), null);
        assertThat(match(buy, TestListings.factory("s").deal("SALE"))).isNotNull();
        assertThat(match(buy, TestListings.factory("l").deal("LEASE"))).isNull();
    }

    @Test
    void propertyTypesMapAsTheContractSays() {
        ListingMatcher.Need factory = lease(null, null);
        assertThat(match(factory, TestListings.factory("a").type("STANDARD_FACTORY")))
                .isNotNull();
        assertThat(match(factory, TestListings.factory("b").type("STANDALONE_COMPOUND")))
                .isNotNull();
        assertThat(match(factory, TestListings.factory("c").type("INDUSTRIAL_PARK")))
                .isNotNull();
        assertThat(match(factory, TestListings.factory("d").type("WAREHOUSE"))).isNull();
        assertThat(match(factory, TestListings.factory("e").type("OFFICE"))).isNull();
        assertThat(Candidate.leadType("INDUSTRIAL_LAND")).isEqualTo(Lead.PropertyType.LAND);
        assertThat(Candidate.leadType("WAREHOUSE")).isEqualTo(Lead.PropertyType.WAREHOUSE);
        assertThat(Candidate.leadType("OFFICE")).isEqualTo(Lead.PropertyType.OFFICE);
        assertThat(Candidate.of(TestListings.factory("x").type("CASTLE").listing()))
                .isEmpty();
    }

    @Test
    void aGivenTownIsAHardFilterAndScoresSameTown() {
        ListingMatcher.Need need = lease(null, null);

        assertThat(match(need, TestListings.factory("other").town("小榄镇"))).isNull();
        ListingMatch same = match(need, TestListings.factory("same"));
        assertThat(same.reasons()).containsExactly("同镇街");
        assertThat(same.score()).isEqualTo(20);
    }

    @Test
    void areaInsideTheRangeFitsWithinTenPercentIsCloseAndBeyondDoesNotMatch() {
        ListingMatcher.Need need = lease(new Lead.Range(1000.0, 2000.0), null);

        assertThat(match(need, TestListings.factory("in").area(1500.0)).reasons())
                .contains("面积吻合");
        assertThat(match(need, TestListings.factory("high").area(2200.0)).reasons())
                .contains("面积接近");
        assertThat(match(need, TestListings.factory("low").area(900.0)).reasons())
                .contains("面积接近");
        assertThat(match(need, TestListings.factory("too-big").area(2201.0))).isNull();
        assertThat(match(need, TestListings.factory("too-small").area(899.0))).isNull();
        assertThat(match(need, TestListings.factory("unknown").area(null)))
                .as("an unstated area cannot be promised")
                .isNull();
    }

    @Test
    void aDivisibleListingTooLargeAsAWholeMatchesWhenItsSmallestPartFits() {
        ListingMatcher.Need need = lease(new Lead.Range(null, 1000.0), null);

        assertThat(match(need, TestListings.factory("d").area(8000.0).divisible(800.0))
                        .reasons())
                .contains("可分租满足面积");
        assertThat(match(need, TestListings.factory("d2").area(8000.0).divisible(1100.0))
                        .reasons())
                .as("1,100 ㎡ is within the 10 % tolerance of 1,000")
                .contains("可分租满足面积");
        assertThat(match(need, TestListings.factory("d3").area(8000.0).divisible(1500.0)))
                .isNull();
        assertThat(match(need, TestListings.factory("whole").area(8000.0))).isNull();
    }

    @Test
    void anAreaAskedInMuIsComparedInSquareMetres() {
        // 3–6 亩 = 2,000.01–4,000.02 ㎡
        ListingMatcher.Need need = ListingMatcher.Need.of(
                inquiry(Lead.Intent.LEASE, Lead.PropertyType.LAND, "沙溪镇", null, new Lead.Range(3.0, 6.0)), null);

        assertThat(need.minSqm()).isEqualTo(2000.01);
        assertThat(need.maxSqm()).isEqualTo(4000.02);
        TestListings.Builder land =
                TestListings.factory("land").type("INDUSTRIAL_LAND").area(null);
        assertThat(match(need, land.lot(3333.35)).reasons()).contains("面积吻合");
        assertThat(match(need, land.lot(6666.7))).as("10 亩 is far above 6").isNull();
    }

    @Test
    void groundOnlyMatchesTheFirstFloorASingleStoreyBuildingOrLandAndNothingHigher() {
        ListingMatcher.Need need = lease(null, req(null, null, Requirements.Floor.GROUND_ONLY, null, null, null));

        assertThat(match(need, TestListings.factory("f1").floor(1, 4, "MULTI_STOREY"))
                        .reasons())
                .contains("一楼或单层");
        assertThat(match(need, TestListings.factory("single").floor(null, null, "SINGLE_STOREY")))
                .isNotNull();
        assertThat(match(need, TestListings.factory("f3").floor(3, 4, "MULTI_STOREY")))
                .isNull();
        assertThat(match(need, TestListings.factory("unknown").floor(null, null, null)))
                .isNull();
        ListingMatcher.Need any = lease(null, req(null, null, Requirements.Floor.ANY, null, null, null));
        assertThat(match(any, TestListings.factory("f3").floor(3, 4, "MULTI_STOREY")))
                .isNotNull();
    }

    @Test
    void clearHeightPowerAndCraneAreMinimaAndEachScoresItsReason() {
        ListingMatcher.Need need = lease(null, req(8.0, 400.0, null, null, 5.0, null));

        ListingMatch ok =
                match(need, TestListings.factory("ok").height(8.0).power(630.0).crane(10.0));
        assertThat(ok.reasons()).containsExactly("同镇街", "层高满足", "配电满足", "行车满足");
        assertThat(ok.score()).isEqualTo(50);
        assertThat(match(
                        need,
                        TestListings.factory("low").height(7.5).power(630.0).crane(10.0)))
                .isNull();
        assertThat(match(
                        need,
                        TestListings.factory("weak").height(9.0).power(315.0).crane(10.0)))
                .isNull();
        assertThat(match(
                        need,
                        TestListings.factory("nocrane").height(9.0).power(630.0).crane(null)))
                .isNull();
        assertThat(match(
                        need,
                        TestListings.factory("small").height(9.0).power(630.0).crane(3.0)))
                .isNull();
    }

    @ParameterizedTest(name = "a building rated {0} hosts {1}: {2}")
    @CsvSource({"A, E, true", "C, C, true", "C, D, true", "C, B, false", "E, A, false"})
    void aBuildingRatedForAFireClassHostsThatClassAndEveryLessHazardousOne(
            FireClass rated, FireClass production, boolean hosts) {
        assertThat(rated.canHost(production)).isEqualTo(hosts);
    }

    @Test
    void aFireClassNeedAdmitsOnlyListingsRatedToHostIt() {
        ListingMatcher.Need classB = lease(null, req(null, null, null, FireClass.B, null, null));
        assertThat(match(classB, TestListings.factory("a").fire("A")).reasons()).contains("消防等级满足");
        assertThat(match(classB, TestListings.factory("b").fire("B"))).isNotNull();
        assertThat(match(classB, TestListings.factory("c").fire("C"))).isNull();
        assertThat(match(classB, TestListings.factory("none").fire(null))).isNull();
    }

    @Test
    void aRentBudgetInAnyUnitScoresWhenTheNormalizedRentIsWithinIt() {
        assertThat(ListingMatcher.perSqmMonth(new Requirements.Budget(0.6, BudgetUnit.YUAN_PER_SQM_DAY)))
                .isEqualTo(18.0);
        assertThat(ListingMatcher.perSqmMonth(new Requirements.Budget(144_000.72, BudgetUnit.YUAN_PER_MU_YEAR)))
                .isCloseTo(18.0, org.assertj.core.data.Offset.offset(1e-6));

        ListingMatcher.Need perDay = lease(
                null, req(null, null, null, null, null, new Requirements.Budget(0.6, BudgetUnit.YUAN_PER_SQM_DAY)));
        assertThat(match(perDay, TestListings.factory("at").rent(18.0)).reasons())
                .contains("租金在预算内");
        ListingMatch over = match(perDay, TestListings.factory("over").rent(19.0));
        assertThat(over).as("over budget still matches, without the reason").isNotNull();
        assertThat(over.reasons()).doesNotContain("租金在预算内");
    }

    @Test
    void aPurchaseBudgetInWanScoresAgainstTheListPrice() {
        ListingMatcher.Need buy = ListingMatcher.Need.of(
                inquiry(Lead.Intent.BUY, Lead.PropertyType.FACTORY, "沙溪镇", null, null),
                req(null, null, null, null, null, new Requirements.Budget(3000.0, BudgetUnit.WAN_TOTAL)));

        assertThat(match(buy, TestListings.factory("s").deal("SALE").price(2800.0))
                        .reasons())
                .contains("售价在预算内");
        assertThat(match(buy, TestListings.factory("s2").deal("SALE").price(3200.0))
                        .reasons())
                .doesNotContain("售价在预算内");
    }

    @Test
    void theBestFiveComeBestFirstThenNewestFirst() {
        ListingMatcher.Need need = lease(new Lead.Range(1000.0, 2000.0), req(8.0, null, null, null, null, null));
        List<Candidate> listings = List.of(
                TestListings.factory("close-old")
                        .area(2100.0)
                        .published(Instant.parse("2026-10-01T00:00:00Z"))
                        .candidate(),
                TestListings.factory("fit-old")
                        .published(Instant.parse("2026-10-01T00:00:00Z"))
                        .candidate(),
                TestListings.factory("fit-new")
                        .published(Instant.parse("2026-11-20T00:00:00Z"))
                        .candidate(),
                TestListings.factory("close-new")
                        .area(950.0)
                        .published(Instant.parse("2026-11-20T00:00:00Z"))
                        .candidate(),
                TestListings.factory("low").height(6.0).candidate(),
                TestListings.factory("fit-mid")
                        .published(Instant.parse("2026-11-10T00:00:00Z"))
                        .candidate(),
                TestListings.factory("fit-mid2")
                        .published(Instant.parse("2026-11-10T00:00:00Z"))
                        .candidate());

        List<ListingMatch> best = matcher.best(need, listings, 5);

        assertThat(best)
                .extracting(ListingMatch::listingId)
                .containsExactly("fit-new", "fit-mid", "fit-mid2", "fit-old", "close-new");
        assertThat(best.get(0).score()).isEqualTo(55);
        assertThat(best.get(0).reasons()).containsExactly("同镇街", "面积吻合", "层高满足");
        assertThat(matcher.best(need, List.of(), 5)).isEmpty();
    }

    @Test
    void aWithdrawnListingIsNotACandidateInTheIndex() {
        ListingIndex index = ListingIndex.inMemory(MatchingProperties.defaults());
        index.put(TestListings.factory("gone").listing());
        index.put(TestListings.factory("gone").withdrawn().listing());

        assertThat(index.size()).isZero();
        assertThat(index.matchesFor(inquiry(Lead.Intent.LEASE, Lead.PropertyType.FACTORY, "沙溪镇", null, null), null))
                .isEmpty();
    }
}
