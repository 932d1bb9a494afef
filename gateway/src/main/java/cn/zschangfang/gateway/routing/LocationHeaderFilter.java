package cn.zschangfang.gateway.routing;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Objects;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A service builds an absolute {@code Location} from the address it was called on (its private
 * {@code 127.0.0.1:8082}); the client must get the same path on the address it called, the gateway. Only a Location
 * that points at the route's own service is rewritten (scheme, host and port); relative ones and links to anywhere
 * else pass untouched, and the status code is never changed.
 */
public class LocationHeaderFilter implements HttpHeadersFilter.ResponseHttpHeadersFilter {

    @Override
    public HttpHeaders apply(HttpHeaders input, ServerResponse response) {
        String location = input.getFirst(HttpHeaders.LOCATION);
        if (location == null
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return input;
        }
        HttpServletRequest request = attributes.getRequest();
        Object downstream = request.getAttribute(MvcUtils.GATEWAY_REQUEST_URL_ATTR);
        String host = request.getHeader(HttpHeaders.HOST);
        if (!(downstream instanceof URI service) || host == null) {
            return input;
        }
        URI target;
        try {
            target = URI.create(location);
        } catch (IllegalArgumentException e) {
            return input;
        }
        if (!target.isAbsolute() || !sameOrigin(target, service)) {
            return input;
        }
        String rewritten = request.getScheme() + "://" + host + (target.getRawPath() == null ? "" : target.getRawPath())
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                + (target.getRawFragment() == null ? "" : "#" + target.getRawFragment());
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.set(HttpHeaders.LOCATION, rewritten);
        return headers;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(Objects.toString(b.getScheme(), ""))
                && a.getHost() != null
                && a.getHost().equalsIgnoreCase(Objects.toString(b.getHost(), ""))
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
