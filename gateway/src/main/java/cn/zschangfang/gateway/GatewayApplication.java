package cn.zschangfang.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * The one front door of the platform: routes {@code /api/content/**}, {@code /api/leads/**}, {@code /api/agent/**},
 * {@code /api/notify/**} and {@code /ack/**} to the three services, limits public writes, authenticates at the edge,
 * answers CORS, propagates the W3C trace context and aggregates the services' OpenAPI documents.
 */
// No user store: every caller is a bearer token or API key (see security.SecurityConfiguration).
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
