package cn.zschangfang.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class StartupSecretsTest {

    @Test
    void refusesToStartOutsideLocalWhileAdminTokenIsTheDevelopmentDefault() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class)
                        .properties(Map.of("server.port", "0", "gateway.security.integration-api-keys", "crm=real-key"))
                        .run()
                        .close())
                .hasStackTraceContaining("ADMIN_TOKEN still has its development default");
    }
}
