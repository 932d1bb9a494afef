package cn.zschangfang.notify.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zschangfang.notify.NotifyServiceApplication;
import cn.zschangfang.platform.test.MongoWireServer;
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
                        // the variables application.yml reads, as a deployment sets them
                        .properties(
                                "ROUTING_STRATEGY=LEAST_OPEN_LEADS",
                                "SERVER_PORT=0",
                                "MONGODB_URI=" + MongoWireServer.uri("startup-refused"),
                                "KAFKA_BROKERS=127.0.0.1:1",
                                "ADMIN_TOKEN=startup-test-token",
                                "ACK_SIGNING_SECRET=startup-test-secret")
                        .run())
                .hasStackTraceContaining("notify.routing.strategy");
        assertThat(output.getAll())
                .contains("ROUTING_STRATEGY (notify.routing.strategy)", "LEAST_OPEN_LEADS")
                .contains("WEIGHTED_ROUND_ROBIN, LEAST_OPEN, SHARED_POOL");
    }
}
