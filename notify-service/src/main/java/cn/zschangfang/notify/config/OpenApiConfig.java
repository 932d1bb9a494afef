package cn.zschangfang.notify.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names this service's document in the gateway's Swagger UI, which lists the three services side by side. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI notifyServiceOpenApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("notify-service")
                                .version("v1")
                                .description(
                                        "Agents registry, routing, WeChat Work / SMS / DingTalk / Feishu delivery, acknowledgement links and escalation."));
    }
}
