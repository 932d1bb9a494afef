package cn.zschangfang.notify.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zschangfang.notify.NotifyServiceApplication;
import cn.zschangfang.notify.support.TestMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The real start-up with ROUTING_STRATEGY set to the value README once documented: refused, and said why. */
@ExtendWith(OutputCaptureExtension.class)
class StartupRefusesBadSettingsTest {

    @Test
    void misspeltRoutingStrategyStopsStartUpNamingTheVariableAndTheAllowedValues(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(NotifyServiceApplication.class)
                        .properties(
                                "ROUTING_STRATEGY=LEAST_OPEN_LEADS",
                                "server.port=0",
                                "spring.mongodb.uri=" + TestMongo.uri("startup-refused"),
                                "spring.cloud.stream.kafka.binder.brokers=127.0.0.1:1",
                                "notify.admin-token=startup-test-token",
                                "notify.ack.signing-secret=startup-test-secret")
                        .run())
                .hasStackTraceContaining("notify.routing.strategy");
        assertThat(output.getAll())
                .contains("ROUTING_STRATEGY (notify.routing.strategy)", "LEAST_OPEN_LEADS")
                .contains("WEIGHTED_ROUND_ROBIN, LEAST_OPEN, SHARED_POOL");
    }
}
