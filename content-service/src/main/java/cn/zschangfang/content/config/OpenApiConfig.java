package cn.zschangfang.content.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names this service's document in the gateway's Swagger UI, which lists the three services side by side. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI contentServiceOpenApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("content-service")
                                .version("v1")
                                .description(
                                        "Articles, tags, related reading, the article-view beacon and traffic statistics of the portal."));
    }
}
