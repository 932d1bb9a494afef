package cn.zschangfang.lead.capture;

import static cn.zschangfang.lead.capture.TestValidators.assertFieldErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import cn.zschangfang.lead.inquiry.SourceListing;
import cn.zschangfang.lead.inquiry.TestLeads;
import cn.zschangfang.lead.inquiry.ValidInquiry;
import cn.zschangfang.lead.listing.ListingIndex;
import cn.zschangfang.lead.listing.MatchingProperties;
import cn.zschangfang.lead.listing.TestListings;
import cn.zschangfang.platform.problem.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional 更多要求 and the source listing: stored as stated, every bad value a 400 naming its JSON path. */
class RequirementsValidationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T04:00:00Z"), ZoneOffset.UTC);

    private final ListingIndex listings = listings();

    private final InquiryValidator validator = TestValidators.validator(listings, CLOCK);

    private static ListingIndex listings() {
        ListingIndex index = ListingIndex.inMemory(MatchingProperties.defaults());
        index.put(TestListings.factory("L-1")
                .slug("shaxi-1500")
                .title("沙溪镇1500㎡标准厂房")
                .agent("demo-liwei")
                .listing());
        return index;
    }

    private static CaptureRequest request(CaptureRequest.RequirementsRequest requirements, String sourceListing) {
        return TestInquiry.inquiry()
                .requirements(requirements)
                .sourceListing(sourceListing)
                .request();
    }

    private static CaptureRequest.RequirementsRequest req(
            Double height,
            Double power,
            String floor,
            String fire,
            Double crane,
            CaptureRequest.BudgetRequest budget,
            String moveIn,
            Integer term,
            String industry) {
        return new CaptureRequest.RequirementsRequest(
                height, power, floor, fire, crane, budget, moveIn, term, industry);
    }

    private List<ApiException.FieldError> errors(CaptureRequest request) {
        return catchThrowableOfType(ApiException.class, () -> validator.validate(request))
                .errors();
    }

    @Test
    void statedRequirementsAreKeptWithTheirEnumsAndADate() {
        // Those of TestLeads.everyRequirementStated() as a form may spell them: lower case, 丙类, a padded trade.
        ValidInquiry inquiry = validator.validate(request(
                req(
                        8.5,
                        630.0,
                        "ground_only",
                        "丙类",
                        5.0,
                        new CaptureRequest.BudgetRequest(20.0, "YUAN_PER_SQM_MONTH"),
                        "2027-03-01",
                        36,
                        " 五金加工 "),
                null));

        assertThat(inquiry.requirements()).isEqualTo(TestLeads.everyRequirementStated());
        assertThat(inquiry.sourceListing()).isNull();
    }

    @Test
    void requirementsWithNothingStatedAreNone() {
        assertThat(validator
                        .validate(request(req(null, null, "ANY", null, null, null, null, null, " "), null))
                        .requirements())
                .isNull();
    }

    @Test
    void everyBadRequirementIsReportedAtItsJsonPath() {
        List<ApiException.FieldError> errors = errors(request(
                req(
                        0.0,
                        200_000.0,
                        "TOP",
                        "F",
                        -1.0,
                        new CaptureRequest.BudgetRequest(-5.0, "PER_YEAR"),
                        "2027/03/01",
                        0,
                        "长".repeat(101)),
                null));

        assertFieldErrors(errors)
                .containsExactlyInAnyOrder(
                        tuple("requirements.minClearHeightM", "out_of_range"),
                        tuple("requirements.minPowerKva", "out_of_range"),
                        tuple("requirements.craneTonnage", "out_of_range"),
                        tuple("requirements.floor", "invalid_choice"),
                        tuple("requirements.fireClass", "invalid_choice"),
                        tuple("requirements.budget.amount", "out_of_range"),
                        tuple("requirements.budget.unit", "invalid_choice"),
                        tuple("requirements.moveInDate", "invalid_format"),
                        tuple("requirements.leaseTermMonths", "out_of_range"),
                        tuple("requirements.industry", "too_long"));
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).isNotBlank());
    }

    @Test
    void aBudgetNeedsBothAmountAndUnit() {
        assertFieldErrors(errors(request(
                        req(
                                null,
                                null,
                                null,
                                null,
                                null,
                                new CaptureRequest.BudgetRequest(20.0, null),
                                null,
                                null,
                                null),
                        null)))
                .containsExactly(tuple("requirements.budget.unit", "required"));
    }

    @Test
    void aMoveInDateInThePastOrMoreThanFiveYearsAheadIsOutOfRange() {
        assertThat(errors(request(req(null, null, null, null, null, null, "2026-11-01", null, null), null)))
                .extracting(ApiException.FieldError::code)
                .containsExactly("out_of_range");
        assertThat(errors(request(req(null, null, null, null, null, null, "2032-01-01", null, null), null)))
                .extracting(ApiException.FieldError::code)
                .containsExactly("out_of_range");
        assertThat(validator
                        .validate(request(req(null, null, null, null, null, null, "2026-12-01", null, null), null))
                        .requirements()
                        .moveInDate())
                .isEqualTo("2026-12-01");
    }

    @Test
    void aKnownSourceListingIsResolvedByIdOrSlugWithItsAgent() {
        SourceListing expected = new SourceListing("L-1", "shaxi-1500", "沙溪镇1500㎡标准厂房", "demo-liwei");

        assertThat(validator.validate(request(null, "L-1")).sourceListing()).isEqualTo(expected);
        assertThat(validator.validate(request(null, "shaxi-1500")).sourceListing())
                .isEqualTo(expected);
    }

    @Test
    void anUnknownSourceListingIsA400NamingSourceListing() {
        assertFieldErrors(errors(request(null, "no-such-listing")))
                .containsExactly(tuple("sourceListing", "unknown_listing"));
    }
}
