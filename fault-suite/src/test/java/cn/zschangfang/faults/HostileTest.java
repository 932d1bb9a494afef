package cn.zschangfang.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HostileTest {

    @Test
    void hostileGeneratorsYieldOutsideAJqwikPropertyToo() {
        assertThat(Hostile.bodiesLike(PublicEndpointsFuzzIT.validLead(1))
                        .sampleStream()
                        .limit(500)
                        .toList())
                .hasSize(500)
                .anySatisfy(
                        b -> assertThat(new String(b, StandardCharsets.UTF_8)).contains("$"));
    }
}
