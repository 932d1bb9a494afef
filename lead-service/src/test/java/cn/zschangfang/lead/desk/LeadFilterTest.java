package cn.zschangfang.lead.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.zschangfang.lead.territory.Towns;
import cn.zschangfang.platform.problem.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadFilterTest {

    private final Towns towns = new Towns(List.of("沙溪镇"));

    @Test
    void aPhoneTypedInFullWidthFindsTheStoredElevenDigits() {
        LeadFilter filter = new LeadFilter(null, null, null, null, null, "＋８６ １３８－００１３－８０００");

        assertThat(filter.toCriteria(towns).getCriteriaObject().toJson()).contains("\"phone\": \"13800138000\"");
    }

    @Test
    void aPhoneThatIsNoMobileIsRefusedNamingTheField() {
        LeadFilter filter = new LeadFilter(null, null, null, null, null, "0760-8888");

        assertThatThrownBy(() -> filter.toCriteria(towns))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.errors())
                                .extracting(ApiException.FieldError::field, ApiException.FieldError::code)
                                .containsExactly(tuple("phone", "invalid_phone")));
    }
}
