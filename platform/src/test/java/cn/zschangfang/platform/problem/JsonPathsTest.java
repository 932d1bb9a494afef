package cn.zschangfang.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPathsTest {

    record Channels(String mobile) {}

    record Hours(String from) {}

    record Capacity(List<Hours> workingHours) {}

    record Spec(
            String name,
            @JsonUnwrapped Channels channels,
            @JsonUnwrapped Capacity capacity,
            Channels nested) {}

    @Test
    void unwrappedGroupIsNoLevelOfTheFieldName() {
        assertThat(JsonPaths.of(Spec.class, "channels.mobile")).isEqualTo("mobile");
        assertThat(JsonPaths.of(Spec.class, "capacity.workingHours[0].from")).isEqualTo("workingHours[0].from");
    }

    @Test
    void ordinaryNestingAndUnknownTypesKeepThePath() {
        assertThat(JsonPaths.of(Spec.class, "nested.mobile")).isEqualTo("nested.mobile");
        assertThat(JsonPaths.of(Spec.class, "name")).isEqualTo("name");
        assertThat(JsonPaths.of(null, "channels.mobile")).isEqualTo("channels.mobile");
    }
}
