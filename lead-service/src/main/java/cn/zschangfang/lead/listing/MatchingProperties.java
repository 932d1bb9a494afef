package cn.zschangfang.lead.listing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Matching of inquiries and listings (prefix {@code lead.matching}).
 *
 * @param areaTolerance how far (as a fraction) a listing's area may lie outside the wanted range and still match
 *     (0.10: a wanted 1,000–2,000 ㎡ matches 900–2,200 ㎡; only inside the range is it 面积吻合)
 * @param maxMatches matches kept per lead
 * @param reverseWindow a newly published listing is matched against open leads received within this
 * @param refreshInterval how often each instance reloads its in-memory index from MongoDB (the consumer group hands
 *     every listing event to one instance only; the others catch up by this reload)
 */
@ConfigurationProperties("lead.matching")
@Validated
public record MatchingProperties(
        @DecimalMin("0") @DecimalMax("1") Double areaTolerance,
        @Min(1) @Max(20) Integer maxMatches,
        @DurationMin(days = 1) Duration reverseWindow,
        @DurationMin(seconds = 1) Duration refreshInterval) {

    public MatchingProperties {
        areaTolerance = areaTolerance == null ? 0.10 : areaTolerance;
        maxMatches = maxMatches == null ? 5 : maxMatches;
        reverseWindow = reverseWindow == null ? Duration.ofDays(90) : reverseWindow;
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(60) : refreshInterval;
    }

    public static MatchingProperties defaults() {
        return new MatchingProperties(null, null, null, null);
    }
}
