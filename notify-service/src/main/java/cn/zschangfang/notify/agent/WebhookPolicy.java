package cn.zschangfang.notify.agent;

import cn.zschangfang.notify.config.NotifyProperties;
import java.net.URI;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Accepts webhook URLs only for configured robot hosts (plus loopback where allowed), so the agents registry cannot
 * be used to make this service call arbitrary internal addresses.
 */
@Component
public class WebhookPolicy {

    private final NotifyProperties.Webhooks config;

    public WebhookPolicy(NotifyProperties properties) {
        this.config = properties.webhooks();
    }

    /** @return null when allowed, otherwise a short reason (never echoing the URL) */
    public String check(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return "must be an absolute http(s) URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || uri.getUserInfo() != null) {
            return "must be an absolute http(s) URL";
        }
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        if (loopback) {
            return config.allowLoopback() && (scheme.equals("http") || scheme.equals("https"))
                    ? null
                    : "host is not an allowed robot host";
        }
        if (!scheme.equals("https")) {
            return "must use https";
        }
        return config.allowedHosts().stream().anyMatch(h -> h.equalsIgnoreCase(host))
                ? null
                : "host is not an allowed robot host";
    }
}
