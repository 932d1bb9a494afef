package cn.zschangfang.gateway.limit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The client IP a rate limit is keyed by.
 *
 * <p>{@code X-Forwarded-For} is written by whoever sends the request, so it is believed only when the TCP peer is a
 * configured trusted proxy, and then read from the right: the first address that is not itself a trusted proxy is
 * the client. Anything that is not an IP literal ends the walk (and is never resolved through DNS).
 */
public final class ClientIpResolver {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<IpAddressMatcher> trusted;

    public ClientIpResolver(List<String> trustedProxies) {
        List<IpAddressMatcher> matchers = new ArrayList<>();
        for (String proxy : trustedProxies) {
            String p = proxy.trim();
            if (!p.isEmpty()) {
                matchers.add(new IpAddressMatcher(p));
            }
        }
        this.trusted = List.copyOf(matchers);
    }

    public String resolve(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isIpLiteral(hop)) {
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        if (address == null || !isIpLiteral(address)) {
            return false;
        }
        for (IpAddressMatcher matcher : trusted) {
            if (matcher.matches(address)) {
                return true;
            }
        }
        return false;
    }

    static boolean isIpLiteral(String value) {
        return IPV4.matcher(value).matches() || IPV6.matcher(value).matches();
    }
}
