package cn.zschangfang.content.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A setting out of range or one that does not parse stops start-up, naming the property; nothing is replaced. */
class ContentPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ContentProperties.class)
    static class Bind {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bind.class);

    @Test
    void defaultsBind() {
        runner.run(context -> {
            ContentProperties properties = context.getBean(ContentProperties.class);
            assertThat(properties.statsZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(properties.views().dedupeWindow()).isEqualTo(Duration.ofMinutes(30));
        });
    }

    @Test
    void aTimeZoneThatDoesNotParseStopsStartUp() {
        runner.withPropertyValues("content.stats-zone=China/Zhongshan")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("Failed to bind properties under 'content.stats-zone'"));
    }

    @Test
    void aDurationThatDoesNotParseStopsStartUp() {
        runner.withPropertyValues("content.views.dedupe-window=half an hour")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("Failed to bind properties under 'content.views.dedupe-window'"));
    }

    @Test
    void outOfRangeValuesStopStartUpNamingTheProperty() {
        runner.withPropertyValues("content.views.dedupe-window=0s")
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("dedupeWindow"));
        runner.withPropertyValues("content.views.publish-queue-capacity=0")
                .run(context ->
                        assertThat(context.getStartupFailure()).hasStackTraceContaining("publishQueueCapacity"));
    }
}
