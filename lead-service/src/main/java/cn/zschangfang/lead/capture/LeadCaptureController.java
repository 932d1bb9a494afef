package cn.zschangfang.lead.capture;

import cn.zschangfang.lead.config.LeadProperties;
import cn.zschangfang.lead.inquiry.ValidInquiry;
import cn.zschangfang.lead.spam.AltchaChallenges;
import cn.zschangfang.lead.spam.RateLimits;
import cn.zschangfang.lead.stats.LeadMetrics;
import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.altcha.altcha.Altcha;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public capture: {@code POST /api/leads} (browser with ALTCHA, or an integration with {@code X-Api-Key}) and
 * {@code GET /api/leads/challenge} for the ALTCHA widget.
 */
@RestController
public class LeadCaptureController {

    private final InquiryValidator validator;
    private final CaptureService captureService;
    private final SpamDefence spamDefence;
    private final RateLimits rateLimits;
    private final AltchaChallenges altcha;
    private final LeadMetrics metrics;
    private final Map<String, String> integrationsByKey;

    public LeadCaptureController(
            InquiryValidator validator,
            CaptureService captureService,
            SpamDefence spamDefence,
            RateLimits rateLimits,
            AltchaChallenges altcha,
            LeadMetrics metrics,
            LeadProperties properties) {
        this.validator = validator;
        this.captureService = captureService;
        this.spamDefence = spamDefence;
        this.rateLimits = rateLimits;
        this.altcha = altcha;
        this.metrics = metrics;
        this.integrationsByKey = properties.apiKeysByKey();
    }

    @PostMapping(
            path = "/api/leads",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CaptureResult> capture(
            @RequestBody CaptureRequest request,
            @RequestHeader(name = "X-Api-Key", required = false) String apiKey,
            HttpServletRequest http) {
        String channel;
        if (apiKey != null) {
            channel = integrationsByKey.get(apiKey);
            if (channel == null) {
                metrics.rejected("bad_api_key");
                throw ApiException.unauthorized();
            }
            rateLimits.checkApiKey(channel);
        } else {
            channel = "web";
            rateLimit(() -> rateLimits.checkIp(clientIp(http)));
        }
        ValidInquiry inquiry;
        try {
            inquiry = validator.validate(request);
        } catch (ApiException e) {
            metrics.rejected("validation");
            throw e;
        }
        if (apiKey == null) {
            spamDefence.check(request);
        }
        rateLimit(() -> rateLimits.checkPhone(inquiry.contact().phone()));
        CaptureResult result = captureService.capture(inquiry, channel);
        if (result.duplicate()) {
            return ResponseEntity.ok(result);
        }
        return ResponseEntity.created(URI.create("/api/leads/" + result.id())).body(result);
    }

    @GetMapping(path = "/api/leads/challenge", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Altcha.Challenge> challenge() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(altcha.create());
    }

    private void rateLimit(Runnable check) {
        try {
            check.run();
        } catch (ApiException e) {
            if (e.type() == ProblemType.RATE_LIMITED) {
                metrics.rejected("rate_limited");
            }
            throw e;
        }
    }

    /** The gateway appends the client to X-Forwarded-For; its first hop is the visitor. */
    static String clientIp(HttpServletRequest http) {
        String forwarded = http.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].strip();
        }
        return http.getRemoteAddr();
    }
}
