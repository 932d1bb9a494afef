package cn.zschangfang.notify.support;

import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.notify.routing.RoutingProperties;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binds {@link NotifyProperties} exactly as Spring Boot would, from a few overrides plus the defaults. */
public final class TestProperties {

    private TestProperties() {}

    public static NotifyProperties notify(Map<String, String> overrides) {
        return new Binder(new MapConfigurationPropertySource(overrides)).bindOrCreate("notify", NotifyProperties.class);
    }

    public static RoutingProperties routing(Map<String, String> overrides) {
        return new Binder(new MapConfigurationPropertySource(overrides))
                .bindOrCreate("notify.routing", RoutingProperties.class);
    }
}
