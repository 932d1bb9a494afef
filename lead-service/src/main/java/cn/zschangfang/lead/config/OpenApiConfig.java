package cn.zschangfang.lead.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names this service's document in the gateway's Swagger UI, which lists the three services side by side. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI leadServiceOpenApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("lead-service")
                                .version("v1")
                                .description(
                                        "Lease and buy inquiries: capture, duplicate merging, score, lifecycle, the agents' and managers' lead API."));
    }
}
