package cn.zschangfang.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

class LimitRulesTest {

    private final LimitRules rules = new LimitRules(new LimitProperties(
            List.of(),
            DataSize.ofMegabytes(2),
            List.of(
                    new LimitProperties.Rule(
                            "lead-submission",
                            LimitProperties.Method.POST,
                            "/api/leads",
                            new LimitProperties.Rate(10, 5, Duration.ofMinutes(1)),
                            null,
                            DataSize.ofKilobytes(16)),
                    new LimitProperties.Rule(
                            "view-beacon",
                            LimitProperties.Method.POST,
                            "/api/content/articles/{slug}/views",
                            null,
                            null,
                            DataSize.ofKilobytes(4)),
                    new LimitProperties.Rule(
                            "any-import",
                            LimitProperties.Method.ANY,
                            "/api/content/admin/import",
                            null,
                            null,
                            DataSize.ofMegabytes(32)))));

    @Test
    void ruleMatchesMethodAndPathPattern() {
        assertThat(rules.match(new MockHttpServletRequest("POST", "/api/leads")))
                .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("lead-submission"));
        assertThat(rules.match(new MockHttpServletRequest("GET", "/api/leads"))).isEmpty();
        assertThat(rules.match(new MockHttpServletRequest("POST", "/api/leads/L-1/status")))
                .isEmpty();
        assertThat(rules.match(new MockHttpServletRequest("POST", "/api/content/articles/沙溪-park/views")))
                .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("view-beacon"));
        assertThat(rules.match(new MockHttpServletRequest("PUT", "/api/content/admin/import")))
                .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("any-import"));
    }

    @Test
    void bodyLimitComesFromTheRuleOrTheDefault() {
        assertThat(rules.maxBodyBytes(new MockHttpServletRequest("POST", "/api/leads")))
                .isEqualTo(16 * 1024);
        assertThat(rules.maxBodyBytes(new MockHttpServletRequest("POST", "/api/content/admin/import")))
                .isEqualTo(32L * 1024 * 1024);
        assertThat(rules.maxBodyBytes(new MockHttpServletRequest("PUT", "/api/content/admin/articles/x")))
                .isEqualTo(2L * 1024 * 1024);
    }
}
