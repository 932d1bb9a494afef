package cn.zschangfang.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Everything a person opens in a browser — pages, assets, {@code /sitemap.xml}, {@code /robots.txt} — goes to the
 * site. Matched by exclusion rather than by listing the site's paths, so a new page needs no gateway change; the
 * excluded paths are the APIs, the signed acknowledgement links, the gateway's own API docs and actuator, internal
 * service paths (never routed) and the error dispatch.
 */
@Configuration(proxyBeanMethods = false)
class SiteRoute {

    static final String ROUTE_ID = "site";

    static final List<String> NOT_THE_SITE = List.of(
            "/api/**",
            "/ack/**",
            "/actuator/**",
            "/v3/api-docs/**",
            "/swagger-ui.html",
            "/swagger-ui/**",
            "/internal/**",
            "/error");

    private static final List<PathPattern> EXCLUDED =
            NOT_THE_SITE.stream().map(PathPatternParser.defaultInstance::parse).toList();

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    RouterFunction<ServerResponse> siteRouterFunction(ProxyProperties proxy) {
        return route(ROUTE_ID)
                .route(isSitePath(), http())
                .before(uri(proxy.siteUrl()))
                .build();
    }

    static RequestPredicate isSitePath() {
        return request -> {
            PathContainer path = request.requestPath().pathWithinApplication();
            return EXCLUDED.stream().noneMatch(p -> p.matches(path));
        };
    }
}
