package cn.zschangfang.lead.capture;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.lead.listing.ListingIndex;
import cn.zschangfang.lead.territory.Towns;
import java.time.Clock;
import java.util.List;

/** The validator as the unit tests build it: two known towns and the default settings. */
final class TestValidators {

    private TestValidators() {}

    static InquiryValidator validator(ListingIndex listings, Clock clock) {
        return new InquiryValidator(
                new Towns(List.of("沙溪镇", "小榄镇")),
                new LeadProperties(null, null, null, null, null, null, null, null, null, null, null, null),
                listings,
                clock);
    }
}
