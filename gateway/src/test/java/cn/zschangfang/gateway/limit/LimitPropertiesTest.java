package cn.zschangfang.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zschangfang.gateway.GatewayApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** A limit that is misspelt, out of range or does not parse stops start-up; nothing falls back to a default. */
@ExtendWith(OutputCaptureExtension.class)
class LimitPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LimitProperties.class)
    static class Bind {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Bind.class)
            .withPropertyValues(
                    "gateway.limits.rules[0].id=lead-submission", "gateway.limits.rules[0].path=/api/leads");

    @Test
    void aRuleWithoutMethodAppliesToAnyMethodAndAMethodBindsCaseInsensitively() {
        runner.withPropertyValues("gateway.limits.rules[1].id=b", "gateway.limits.rules[1].path=/b")
                .withPropertyValues("gateway.limits.rules[1].method=post")
                .run(context -> {
                    LimitProperties properties = context.getBean(LimitProperties.class);
                    assertThat(properties.rules())
                            .extracting(LimitProperties.Rule::method)
                            .containsExactly(LimitProperties.Method.ANY, LimitProperties.Method.POST);
                });
    }

    @Test
    void anUnknownMethodStopsStartUpNamingThePropertyAndTheAllowedValues(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class)
                        .properties(Map.of(
                                "SERVER_PORT", "0",
                                "ADMIN_TOKEN", "test-admin-token",
                                "INTEGRATION_API_KEYS", "crm=real-key"))
                        .run(
                                "--gateway.limits.rules[0].id=lead-submission",
                                "--gateway.limits.rules[0].path=/api/leads",
                                "--gateway.limits.rules[0].method=FETCH")
                        .close())
                .hasStackTraceContaining("gateway.limits.rules[0].method");
        assertThat(output).contains("gateway.limits.rules[0].method", "FETCH");
        String allowed = output.getAll().substring(output.getAll().indexOf("The following values are valid"));
        assertThat(allowed).contains("ANY", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    }

    @Test
    void aSizeThatDoesNotParseStopsStartUp() {
        runner.withPropertyValues("gateway.limits.rules[0].max-body-size=sixteen kilobytes")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("gateway.limits.rules[0].max-body-size"));
    }

    @Test
    void aBucketWithoutCapacityStopsStartUp() {
        runner.withPropertyValues(
                        "gateway.limits.rules[0].per-client.capacity=0",
                        "gateway.limits.rules[0].per-client.refill-tokens=5")
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("capacity"));
    }
}
