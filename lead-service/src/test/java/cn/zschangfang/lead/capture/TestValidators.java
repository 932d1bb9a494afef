package cn.zschangfang.lead.capture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.lead.listing.ListingIndex;
import cn.zschangfang.lead.territory.Towns;
import cn.zschangfang.platform.problem.ApiException;
import java.time.Clock;
import java.util.List;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;

/** The validator as the unit tests build it (two known towns, the default settings), and its errors as they check them. */
final class TestValidators {

    private TestValidators() {}

    static InquiryValidator validator(ListingIndex listings, Clock clock) {
        return new InquiryValidator(
                new Towns(List.of("沙溪镇", "小榄镇")),
                new LeadProperties(null, null, null, null, null, null, null, null, null, null, null, null),
                listings,
                clock);
    }

    /** The errors as (field, code) tuples: what the form shows next to which field. */
    static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertFieldErrors(
            List<ApiException.FieldError> errors) {
        return assertThat(errors).extracting(ApiException.FieldError::field, ApiException.FieldError::code);
    }
}
