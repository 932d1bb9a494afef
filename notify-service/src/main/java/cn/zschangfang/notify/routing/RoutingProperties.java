package cn.zschangfang.notify.routing;

import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code notify.routing.*}. Both bind to types: a misspelt strategy or an unknown zone stops start-up naming the
 * variable and the allowed values ({@code config.SettingsFailureAnalyzer}) instead of silently routing otherwise.
 *
 * @param strategy env {@code ROUTING_STRATEGY}
 * @param zone time zone of working hours
 */
@ConfigurationProperties("notify.routing")
@Validated
public record RoutingProperties(
        @DefaultValue("WEIGHTED_ROUND_ROBIN") @NotNull RoutingStrategy strategy,
        @DefaultValue("Asia/Shanghai") @NotNull ZoneId zone) {}
