package cn.zschangfang.gateway.limit;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Tells the services who the client is: {@code X-Forwarded-For} downstream is exactly one address, the one the rate
 * limits use, never a list a client could have forged. Runs after the gateway's own forwarded-header filters.
 */
public class ClientAddressHeaderFilter implements HttpHeadersFilter.RequestHttpHeadersFilter, Ordered {

    private final ClientIpResolver resolver;

    public ClientAddressHeaderFilter(ClientIpResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.set("X-Forwarded-For", resolver.resolve(request.servletRequest()));
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
