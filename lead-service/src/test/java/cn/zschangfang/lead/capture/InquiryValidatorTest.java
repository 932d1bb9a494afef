package cn.zschangfang.lead.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.ValidInquiry;
import cn.zschangfang.lead.listing.ListingIndex;
import cn.zschangfang.lead.listing.MatchingProperties;
import cn.zschangfang.lead.territory.Towns;
import cn.zschangfang.platform.problem.ApiException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class InquiryValidatorTest {

    private final InquiryValidator validator = new InquiryValidator(
            new Towns(List.of("沙溪镇", "小榄镇")),
            new LeadProperties(null, null, null, null, null, null, null, null, null, null, null, null),
            ListingIndex.inMemory(MatchingProperties.defaults()),
            Clock.systemUTC());

    private static CaptureRequest request(String phone, CaptureRequest.Range sqm, CaptureRequest.Range mu) {
        return new CaptureRequest(
                "lease", "FACTORY", "沙溪", sqm, mu, null, 50.0, null, "张三", phone, null, null, null, true, null, null,
                null, null, null, null);
    }

    @Test
    void areaInMuIsConvertedToSquareMetresAndBothAreKept() {
        ValidInquiry inquiry = validator.validate(request("13800138000", null, new CaptureRequest.Range(3.0, 6.0)));

        assertThat(inquiry.areaSqm()).isEqualTo(new Lead.Range(2000.01, 4000.02));
        assertThat(inquiry.areaMu()).isEqualTo(new Lead.Range(3.0, 6.0));
        assertThat(inquiry.intent()).isEqualTo(Lead.Intent.LEASE);
        assertThat(inquiry.town()).isEqualTo("沙溪镇");
    }

    @Test
    void aFullWidthPhoneIsStoredAsTheSameElevenDigitsThatDuplicateDetectionAndRateLimitsKeyOn() {
        ValidInquiry inquiry = validator.validate(request("＋８６ １３８－００１３－８０００", null, null));

        assertThat(inquiry.phone()).isEqualTo("13800138000");
    }

    @Test
    void marketingSmsOptInIsItsOwnPurposeAndOnlyAnExplicitTrueCounts() {
        CaptureRequest base = request("13800138000", null, null);
        CaptureRequest optedIn = new CaptureRequest(
                base.intent(),
                base.propertyType(),
                base.town(),
                null,
                null,
                null,
                null,
                null,
                base.contactName(),
                base.phone(),
                null,
                null,
                null,
                true,
                null,
                null,
                null,
                true,
                null,
                null);

        assertThat(validator.validate(optedIn).marketingSmsConsent()).isTrue();
        assertThat(validator.validate(base).marketingSmsConsent())
                .as("contact consent alone never implies marketing")
                .isFalse();
    }

    @Test
    void areaInSquareMetresIsConvertedToMu() {
        ValidInquiry inquiry = validator.validate(request("13800138000", new CaptureRequest.Range(null, 6666.7), null));

        assertThat(inquiry.areaMu()).isEqualTo(new Lead.Range(null, 10.0));
    }

    @Test
    void everyInvalidFieldIsReportedWithACodeAndAChineseMessage() {
        CaptureRequest bad = new CaptureRequest(
                "RENT",
                null,
                "深圳",
                new CaptureRequest.Range(500.0, 100.0),
                null,
                null,
                -1.0,
                null,
                " ",
                "12345",
                "长".repeat(1001),
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                null);

        ApiException e = catchThrowableOfType(ApiException.class, () -> validator.validate(bad));

        assertThat(e.type().slug()).isEqualTo("validation");
        assertThat(e.errors())
                .extracting(ApiException.FieldError::field, ApiException.FieldError::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("intent", "invalid_choice"),
                        org.assertj.core.groups.Tuple.tuple("propertyType", "required"),
                        org.assertj.core.groups.Tuple.tuple("town", "unknown_town"),
                        org.assertj.core.groups.Tuple.tuple("contactName", "required"),
                        org.assertj.core.groups.Tuple.tuple("phone", "invalid_phone"),
                        org.assertj.core.groups.Tuple.tuple("consent", "consent_required"),
                        org.assertj.core.groups.Tuple.tuple("message", "too_long"),
                        org.assertj.core.groups.Tuple.tuple("expectedAnnualTaxWan", "out_of_range"),
                        org.assertj.core.groups.Tuple.tuple("areaSqm", "min_greater_than_max"));
        assertThat(e.errors()).allSatisfy(err -> assertThat(err.message()).matches(".*[\\u4e00-\\u9fa5].*"));
    }
}
