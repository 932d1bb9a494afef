package cn.zschangfang.gateway.routing;

import java.util.Map;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Sends each proxied request through the HTTP client configured with the timeouts of its route.
 *
 * <p>Spring Cloud Gateway server-webmvc has one HTTP client for all routes; a slow report export and a lead
 * submission should not share one response timeout, so this keeps one client per route id.
 */
public final class PerRouteTimeoutProxyExchange implements ProxyExchange {

    private final Map<String, ProxyExchange> byRouteId;
    private final ProxyExchange fallback;

    public PerRouteTimeoutProxyExchange(Map<String, ProxyExchange> byRouteId, ProxyExchange fallback) {
        this.byRouteId = Map.copyOf(byRouteId);
        this.fallback = fallback;
    }

    @Override
    public ServerResponse exchange(Request request) {
        String routeId = MvcUtils.getAttribute(request.getServerRequest(), MvcUtils.GATEWAY_ROUTE_ID_ATTR);
        ProxyExchange exchange = routeId == null ? fallback : byRouteId.getOrDefault(routeId, fallback);
        return exchange.exchange(request);
    }
}
