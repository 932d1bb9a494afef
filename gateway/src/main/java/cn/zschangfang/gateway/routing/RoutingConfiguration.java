package cn.zschangfang.gateway.routing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.config.RouteProperties;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionService;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;

/**
 * Builds the proxy HTTP clients: one per route so that each route has its own connect and response timeout.
 *
 * <p>The clients come from Boot's {@link RestClient.Builder}, which is instrumented by Micrometer: every proxied
 * call is an observation and carries the W3C {@code traceparent} header downstream.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String RESPONSE_TIMEOUT = "response-timeout";

    /**
     * Proxied requests are nearly all the gateway answers, so their routes are looked up first: Spring MVC would
     * otherwise ask the actuator's and the annotated controllers' mappings (API docs, errors) before the routes on
     * every request. No answer changes: the site's route leaves out every path those serve ({@link
     * SiteRoute#NOT_THE_SITE}), and a path no route takes still reaches them.
     */
    @Bean
    static BeanPostProcessor routesBeforeControllers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RouterFunctionMapping mapping) {
                    mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
                }
                return bean;
            }
        };
    }

    @Bean
    LocationHeaderFilter locationHeaderFilter() {
        return new LocationHeaderFilter();
    }

    @Bean
    @Primary
    ProxyExchange perRouteTimeoutProxyExchange(
            ObjectProvider<RestClient.Builder> builders,
            GatewayMvcProperties gatewayProperties,
            ProxyProperties proxyProperties) {
        ConversionService conversion = ApplicationConversionService.getSharedInstance();
        Map<String, ProxyExchange> byRoute = new LinkedHashMap<>();
        for (RouteProperties route : gatewayProperties.getRoutes()) {
            Duration connect =
                    duration(conversion, route.getMetadata().get(CONNECT_TIMEOUT), proxyProperties.connectTimeout());
            Duration response =
                    duration(conversion, route.getMetadata().get(RESPONSE_TIMEOUT), proxyProperties.responseTimeout());
            byRoute.put(route.getId(), exchange(builders, gatewayProperties, connect, response));
        }
        ProxyExchange fallback = exchange(
                builders, gatewayProperties, proxyProperties.connectTimeout(), proxyProperties.responseTimeout());
        return new PerRouteTimeoutProxyExchange(byRoute, fallback);
    }

    private static ProxyExchange exchange(
            ObjectProvider<RestClient.Builder> builders,
            GatewayMvcProperties gatewayProperties,
            Duration connectTimeout,
            Duration responseTimeout) {
        RestClient restClient = builders.getObject()
                .requestFactory(DownstreamClients.requestFactory(connectTimeout, responseTimeout))
                .build();
        return new RestClientProxyExchange(restClient, gatewayProperties);
    }

    private static Duration duration(ConversionService conversion, Object value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return Duration.ofMillis(number.longValue());
        }
        Duration parsed = conversion.convert(value.toString(), Duration.class);
        return parsed == null ? fallback : parsed;
    }
}
