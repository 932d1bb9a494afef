package cn.zschangfang.lead.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A setting out of range or one that does not parse stops start-up, naming the property; nothing is replaced. */
class LeadPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LeadProperties.class)
    static class Bind {}

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(Bind.class).withPropertyValues("lead.towns[0]=沙溪镇");

    @Test
    void validSettingsBind() {
        runner.withPropertyValues("lead.duplicate-window=12h", "lead.spam.per-ip-per-hour=5")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    LeadProperties properties = context.getBean(LeadProperties.class);
                    assertThat(properties.duplicateWindow()).isEqualTo(Duration.ofHours(12));
                    assertThat(properties.spam().perIpPerHour()).isEqualTo(5);
                });
    }

    @Test
    void aDurationThatDoesNotParseStopsStartUp() {
        runner.withPropertyValues("lead.duplicate-window=one day")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("Failed to bind properties under 'lead.duplicate-window'"));
    }

    @Test
    void aNegativeDurationStopsStartUpNamingTheProperty() {
        runner.withPropertyValues("lead.duplicate-window=-1h")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("duplicateWindow")
                        .hasStackTraceContaining("lead"));
    }

    @Test
    void aCountBelowOneStopsStartUp() {
        runner.withPropertyValues("lead.spam.per-phone-per-day=0")
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("perPhonePerDay"));
    }

    @Test
    void aCronThatDoesNotParseStopsStartUp() {
        runner.withPropertyValues("lead.retention.cron=every night")
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("lead.retention.cron"));
    }

    @Test
    void anEmptyTerritoryStopsStartUp() {
        new ApplicationContextRunner()
                .withUserConfiguration(Bind.class)
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("towns"));
    }
}
