package cn.zschangfang.lead.capture;

import static cn.zschangfang.lead.capture.TestValidators.assertFieldErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.ValidInquiry;
import cn.zschangfang.lead.listing.ListingIndex;
import cn.zschangfang.lead.listing.MatchingProperties;
import cn.zschangfang.platform.problem.ApiException;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class InquiryValidatorTest {

    private final InquiryValidator validator =
            TestValidators.validator(ListingIndex.inMemory(MatchingProperties.defaults()), Clock.systemUTC());

    private static TestInquiry inquiry(String phone) {
        return TestInquiry.inquiry().intent("lease").phone(phone).expectedAnnualTaxWan(50.0);
    }

    @Test
    void areaInMuIsConvertedToSquareMetresAndBothAreKept() {
        ValidInquiry inquiry =
                validator.validate(inquiry("13800138000").areaMu(3.0, 6.0).request());

        assertThat(inquiry.inquiry().areaSqm()).isEqualTo(new Lead.Range(2000.01, 4000.02));
        assertThat(inquiry.inquiry().areaMu()).isEqualTo(new Lead.Range(3.0, 6.0));
        assertThat(inquiry.inquiry().intent()).isEqualTo(Lead.Intent.LEASE);
        assertThat(inquiry.inquiry().town()).isEqualTo("沙溪镇");
    }

    @Test
    void aFullWidthPhoneIsStoredAsTheSameElevenDigitsThatDuplicateDetectionAndRateLimitsKeyOn() {
        ValidInquiry inquiry = validator.validate(inquiry("＋８６ １３８－００１３－８０００").request());

        assertThat(inquiry.contact().phone()).isEqualTo("13800138000");
    }

    @Test
    void marketingSmsOptInIsItsOwnPurposeAndOnlyAnExplicitTrueCounts() {
        CaptureRequest base = inquiry("13800138000").request();
        CaptureRequest optedIn =
                inquiry("13800138000").marketingSmsConsent(true).request();

        assertThat(validator.validate(optedIn).marketingSmsConsent()).isTrue();
        assertThat(validator.validate(base).marketingSmsConsent())
                .as("contact consent alone never implies marketing")
                .isFalse();
    }

    @Test
    void areaInSquareMetresIsConvertedToMu() {
        ValidInquiry inquiry =
                validator.validate(inquiry("13800138000").areaSqm(null, 6666.7).request());

        assertThat(inquiry.inquiry().areaMu()).isEqualTo(new Lead.Range(null, 10.0));
    }

    @Test
    void everyInvalidFieldIsReportedWithACodeAndAChineseMessage() {
        CaptureRequest bad = TestInquiry.inquiry()
                .intent("RENT")
                .propertyType(null)
                .town("深圳")
                .areaSqm(500.0, 100.0)
                .expectedAnnualTaxWan(-1.0)
                .contactName(" ")
                .phone("12345")
                .message("长".repeat(1001))
                .consent(false)
                .request();

        ApiException e = catchThrowableOfType(ApiException.class, () -> validator.validate(bad));

        assertThat(e.type().slug()).isEqualTo("validation");
        assertFieldErrors(e.errors())
                .containsExactlyInAnyOrder(
                        tuple("intent", "invalid_choice"),
                        tuple("propertyType", "required"),
                        tuple("town", "unknown_town"),
                        tuple("contactName", "required"),
                        tuple("phone", "invalid_phone"),
                        tuple("consent", "consent_required"),
                        tuple("message", "too_long"),
                        tuple("expectedAnnualTaxWan", "out_of_range"),
                        tuple("areaSqm", "min_greater_than_max"));
        assertThat(e.errors()).allSatisfy(err -> assertThat(err.message()).matches(".*[\\u4e00-\\u9fa5].*"));
    }
}
