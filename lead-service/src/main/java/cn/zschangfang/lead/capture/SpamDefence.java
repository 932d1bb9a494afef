package cn.zschangfang.lead.capture;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.lead.spam.AltchaChallenges;
import cn.zschangfang.lead.stats.LeadMetrics;
import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Browser-only checks (an integration with an API key skips them): the honeypot field {@code website} must be
 * empty, the form must have been open at least the minimum fill time ({@code formStartedAt}, epoch ms), and the
 * {@code altcha} payload must solve a fresh, unused challenge. A failure never reaches an agent.
 */
@Component
public class SpamDefence {

    private final LeadProperties.Spam properties;
    private final AltchaChallenges altcha;
    private final LeadMetrics metrics;
    private final Clock clock;

    public SpamDefence(LeadProperties properties, AltchaChallenges altcha, LeadMetrics metrics, Clock clock) {
        this.properties = properties.spam();
        this.altcha = altcha;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void check(CaptureRequest request) {
        if (request.website() != null && !request.website().isBlank()) {
            reject("honeypot");
        }
        if (request.formStartedAt() == null) {
            metrics.rejected("validation");
            throw ApiException.validation(
                    List.of(new ApiException.FieldError("formStartedAt", "required", "表单信息不完整，请刷新页面后重试")));
        }
        Duration filled = Duration.ofMillis(clock.millis() - request.formStartedAt());
        if (filled.compareTo(properties.minFillTime()) < 0) {
            reject("too_fast");
        }
        if (properties.altchaEnabled()) {
            if (request.altcha() == null || request.altcha().isBlank()) {
                metrics.rejected("captcha");
                throw ApiException.validation(List.of(new ApiException.FieldError("altcha", "required", "请完成人机验证")));
            }
            if (!altcha.verifyAndConsume(request.altcha())) {
                metrics.rejected("captcha");
                throw ApiException.validation(
                        List.of(new ApiException.FieldError("altcha", "captcha_failed", "人机验证失败或已过期，请重新验证")));
            }
        }
    }

    private void reject(String reason) {
        metrics.rejected(reason);
        // Deliberately vague: tells a bot nothing about which check it failed.
        throw new ApiException(ProblemType.SPAM_SUSPECTED);
    }
}
