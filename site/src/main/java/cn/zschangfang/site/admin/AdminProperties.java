package cn.zschangfang.site.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The back office ({@code site.admin.*}).
 *
 * @param sessionTtl how long an ADMIN sign-in lasts: shorter than an agent's, the token opens everything
 * @param maxFailedLogins failed token entries per client IP within {@code failedLoginWindow} before the sign-in
 *     page refuses to check more
 * @param failedLoginWindow the window of {@code maxFailedLogins}
 * @param maxPhotoBytes the largest photo the site forwards to content-service
 */
@Validated
@ConfigurationProperties("site.admin")
public record AdminProperties(
        @DefaultValue("8h") Duration sessionTtl,
        @Min(1) @Max(100) @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration failedLoginWindow,
        @DefaultValue("10485760") long maxPhotoBytes) {}
