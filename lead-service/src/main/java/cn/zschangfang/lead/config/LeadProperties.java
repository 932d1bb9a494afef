package cn.zschangfang.lead.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * Every tunable of the lead service (prefix {@code lead}); each has a default so the service starts with nothing
 * set, and every secret or endpoint is bound to an environment variable in {@code application.yml}. A value out of
 * range or one that does not parse stops start-up with the property's name (Bean Validation on this record).
 *
 * @param adminToken bearer token of the ADMIN role ({@code ADMIN_TOKEN})
 * @param integrationApiKeys {@code name=key} pairs, comma separated ({@code INTEGRATION_API_KEYS}); the name becomes
 *     the lead's channel
 * @param notifyUrl base URL of notify-service, used to verify agent tokens ({@code NOTIFY_URL})
 * @param agentTokenCacheTtl how long a verified agent token is trusted without asking notify-service again
 * @param towns the territory: full names of Zhongshan's towns, subdistricts and zones (short forms are derived)
 * @param duplicateWindow same phone + intent + property type within this window is merged into the earlier lead
 * @param consentWordingVersion version of the consent text the form shows, stored with each consent
 * @param maxMessageLength longest accepted free-text message
 * @param outbox outbox relay settings
 * @param enrichment reading-history settings
 * @param retention personal-data retention settings
 * @param spam spam defences
 */
@ConfigurationProperties("lead")
@Validated
public record LeadProperties(
        String adminToken,
        String integrationApiKeys,
        @NotBlank String notifyUrl,
        @DurationMin(millis = 1) Duration agentTokenCacheTtl,
        @NotEmpty List<String> towns,
        @DurationMin(millis = 1) Duration duplicateWindow,
        @NotBlank String consentWordingVersion,
        @Min(1) @Max(100_000) Integer maxMessageLength,
        @Valid Outbox outbox,
        @Valid Enrichment enrichment,
        @Valid Retention retention,
        @Valid Spam spam) {

    public static final String DEV_ADMIN_TOKEN = "local-admin-token";
    public static final String DEV_API_KEYS = "local=local-integration-key";
    public static final String DEV_ALTCHA_KEY = "local-altcha-hmac-key";

    public LeadProperties {
        adminToken = adminToken == null ? DEV_ADMIN_TOKEN : adminToken;
        integrationApiKeys = integrationApiKeys == null ? DEV_API_KEYS : integrationApiKeys;
        notifyUrl = notifyUrl == null ? "http://127.0.0.1:8083" : notifyUrl;
        agentTokenCacheTtl = agentTokenCacheTtl == null ? Duration.ofSeconds(30) : agentTokenCacheTtl;
        towns = towns == null ? List.of() : List.copyOf(towns);
        duplicateWindow = duplicateWindow == null ? Duration.ofHours(24) : duplicateWindow;
        consentWordingVersion = consentWordingVersion == null ? "2026-01" : consentWordingVersion;
        maxMessageLength = maxMessageLength == null ? 1000 : maxMessageLength;
        outbox = outbox == null ? new Outbox(null, null, null, null, null, null) : outbox;
        enrichment = enrichment == null ? new Enrichment(null, null) : enrichment;
        retention = retention == null ? new Retention(null, null, null) : retention;
        spam = spam == null ? new Spam(null, null, null, null, null, null, null, null, null) : spam;
    }

    /** Parses {@link #integrationApiKeys()} into key → integration name. */
    public Map<String, String> apiKeysByKey() {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String pair : integrationApiKeys.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && eq < pair.length() - 1) {
                byKey.put(pair.substring(eq + 1).trim(), pair.substring(0, eq).trim());
            }
        }
        return byKey;
    }

    /**
     * @param publishAfterWrite publish right after the write on a background thread (off only to simulate a crash)
     * @param relayEnabled run the sweeping relay
     * @param relayInterval how often the relay sweeps
     * @param relayInitialDelay when after start-up the relay sweeps first (read by its {@code @Scheduled}; bound
     *     here so a value that does not parse stops start-up with the other settings)
     * @param relayMinAge a pending event younger than this is left to the immediate publisher
     * @param publisherThreads threads publishing right after the write; each waits for the broker's acknowledgement
     *     (synchronous send), so a send is latency-bound and concurrent sends share the producer's batches
     */
    public record Outbox(
            Boolean publishAfterWrite,
            Boolean relayEnabled,
            @DurationMin(millis = 1) Duration relayInterval,
            @DurationMin(millis = 0) Duration relayInitialDelay,
            @DurationMin(millis = 0) Duration relayMinAge,
            @Min(1) @Max(64) Integer publisherThreads) {
        public Outbox {
            publisherThreads = publisherThreads == null ? 8 : publisherThreads;
            publishAfterWrite = publishAfterWrite == null || publishAfterWrite;
            relayEnabled = relayEnabled == null || relayEnabled;
            relayInterval = relayInterval == null ? Duration.ofSeconds(5) : relayInterval;
            relayInitialDelay = relayInitialDelay == null ? Duration.ofSeconds(2) : relayInitialDelay;
            relayMinAge = relayMinAge == null ? Duration.ofSeconds(3) : relayMinAge;
        }
    }

    /**
     * @param maxArticles articles kept per visitor
     * @param maxAge articles older than this are forgotten
     */
    public record Enrichment(
            @Min(1) Integer maxArticles,
            @DurationMin(millis = 1) Duration maxAge) {
        public Enrichment {
            maxArticles = maxArticles == null ? 20 : maxArticles;
            maxAge = maxAge == null ? Duration.ofDays(30) : maxAge;
        }
    }

    /**
     * @param enabled run the scheduled purge
     * @param period personal fields of leads older than this are erased
     * @param cron when the purge runs (Asia/Shanghai)
     */
    public record Retention(
            Boolean enabled, @DurationMin(days = 1) Duration period, String cron) {
        public Retention {
            enabled = enabled == null || enabled;
            period = period == null ? Duration.ofDays(730) : period;
            cron = cron == null ? "0 30 3 * * *" : cron;
            // A cron that does not parse would only fail when the scheduler starts, after the service is up.
            if (!CronExpression.isValidExpression(cron)) {
                throw new IllegalArgumentException("lead.retention.cron is not a six-field cron expression");
            }
        }
    }

    /**
     * @param altchaEnabled require an ALTCHA proof of work from browser submissions (API-key clients skip it)
     * @param altchaHmacKey key that signs ALTCHA challenges ({@code ALTCHA_HMAC_KEY})
     * @param altchaMaxNumber difficulty of the challenge
     * @param challengeTtl how long a challenge may be solved and submitted
     * @param minFillTime a browser form submitted faster than this is a bot
     * @param perIpPerHour submissions allowed per client IP and hour (browser)
     * @param perPhonePerDay submissions allowed per phone and day
     * @param perApiKeyPerMinute submissions allowed per integration key and minute
     * @param maxBodyBytes largest accepted request body
     */
    public record Spam(
            Boolean altchaEnabled,
            String altchaHmacKey,
            @Min(1) Long altchaMaxNumber,
            @DurationMin(seconds = 1) Duration challengeTtl,
            @DurationMin(millis = 0) Duration minFillTime,
            @Min(1) Integer perIpPerHour,
            @Min(1) Integer perPhonePerDay,
            @Min(1) Integer perApiKeyPerMinute,
            @Min(1) Integer maxBodyBytes) {
        public Spam {
            altchaEnabled = altchaEnabled == null || altchaEnabled;
            altchaHmacKey = altchaHmacKey == null ? DEV_ALTCHA_KEY : altchaHmacKey;
            altchaMaxNumber = altchaMaxNumber == null ? 50_000L : altchaMaxNumber;
            challengeTtl = challengeTtl == null ? Duration.ofMinutes(10) : challengeTtl;
            minFillTime = minFillTime == null ? Duration.ofSeconds(3) : minFillTime;
            perIpPerHour = perIpPerHour == null ? 20 : perIpPerHour;
            perPhonePerDay = perPhonePerDay == null ? 10 : perPhonePerDay;
            perApiKeyPerMinute = perApiKeyPerMinute == null ? 600 : perApiKeyPerMinute;
            maxBodyBytes = maxBodyBytes == null ? 16_384 : maxBodyBytes;
        }
    }
}
