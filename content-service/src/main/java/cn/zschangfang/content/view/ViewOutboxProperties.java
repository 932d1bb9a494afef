package cn.zschangfang.content.view;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The relay of the view outbox ({@code content.views.outbox.*}).
 *
 * @param relayInterval how often the publisher looks in the outbox for views a dead process left unpublished
 * @param relayMinAge how long a view must have waited in the outbox before the relay sends it: younger ones belong to
 *     a live process that is still sending them (a view older than this may be sent twice; consumers drop repeats)
 */
@Validated
@ConfigurationProperties("content.views.outbox")
public record ViewOutboxProperties(
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1)
        Duration relayInterval,

        @DefaultValue("30s") @NotNull @DurationMin(millis = 0)
        Duration relayMinAge) {}
