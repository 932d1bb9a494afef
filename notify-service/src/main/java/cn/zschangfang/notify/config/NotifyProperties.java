package cn.zschangfang.notify.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What notify-service reads from configuration ({@code notify.*}) besides the feature-owned records
 * ({@code notify.routing} in {@code routing.RoutingProperties}, {@code notify.agents} in {@code agent.AgentSeeds});
 * every secret and endpoint has an environment variable in application.yml. Validated at start-up: a value out of
 * range stops the service with the property's name instead of misbehaving later.
 *
 * @param publicBaseUrl where links in agent messages point (the gateway), env {@code PUBLIC_BASE_URL}
 * @param inboxPath the agents' inbox on the public site, the one link of a digest
 * @param adminToken bearer token of the ADMIN role, env {@code ADMIN_TOKEN}
 * @param dutyManagerId id of the agent who receives leads nobody else can take and escalation notices
 * @param send the pool that sends recorded deliveries off the consumer thread
 * @param intake the {@code lead.captured} consumers
 */
@ConfigurationProperties("notify")
@Validated
public record NotifyProperties(
        @DefaultValue("http://localhost:8080") @NotBlank @Pattern(regexp = "https?://\\S{1,200}")
        String publicBaseUrl,

        @DefaultValue("/agent") @Pattern(regexp = "/[A-Za-z0-9/._-]{0,100}")
        String inboxPath,

        @DefaultValue("local-admin-token") String adminToken,
        @DefaultValue("duty-manager") @NotBlank String dutyManagerId,
        @DefaultValue @Valid Webhooks webhooks,
        @DefaultValue @Valid Delivery delivery,
        @DefaultValue @Valid Send send,
        @DefaultValue @Valid Intake intake,
        @DefaultValue @Valid Ack ack,
        @DefaultValue Sandbox sandbox,
        @DefaultValue @Valid Sms sms) {

    /** Development default of {@link #adminToken()}; refused outside profile {@code local}. */
    public static final String DEV_ADMIN_TOKEN = "local-admin-token";
    /** Development default of {@link Ack#signingSecret()}; refused outside profile {@code local}. */
    public static final String DEV_ACK_SECRET = "local-ack-secret";

    /** The agents' inbox, where a digest's single link points. */
    public String inboxUrl() {
        return publicBaseUrl.replaceAll("/+$", "") + inboxPath;
    }

    /**
     * Server-side request forgery guard for agent webhooks.
     *
     * @param allowedHosts exact host names a webhook may point to
     * @param allowLoopback whether 127.0.0.1/localhost webhooks are accepted (local stack and tests only)
     */
    public record Webhooks(
            @DefaultValue({"qyapi.weixin.qq.com", "oapi.dingtalk.com", "open.feishu.cn"}) @NotEmpty
            List<@NotBlank String> allowedHosts,

            @DefaultValue("false") boolean allowLoopback) {}

    /**
     * @param maxAttempts attempts per channel before it counts as failed and the next channel is tried
     * @param initialBackoff first retry delay of transient failures (doubles each attempt, with jitter)
     * @param maxBackoff cap of the retry delay
     * @param rateLimitedBackoff delay after a robot answered "rate limited" (WeChat Work errcode 45009)
     * @param lease how long a claimed delivery is reserved for the instance that claimed it
     * @param httpTimeout connect and read timeout of channel HTTP calls
     * @param robotLimitPerMinute messages per robot per minute (WeChat Work allows 20)
     * @param sweepInterval how often due and orphaned deliveries are looked for
     */
    public record Delivery(
            @DefaultValue("5") @Min(1) @Max(20) int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("5m") Duration maxBackoff,
            @DefaultValue("60s") Duration rateLimitedBackoff,
            @DefaultValue("30s") Duration lease,
            @DefaultValue("5s") Duration httpTimeout,
            @DefaultValue("18") @Min(1) @Max(20) int robotLimitPerMinute,
            @DefaultValue("1s") Duration sweepInterval) {

        public Delivery {
            positive("notify.delivery.initial-backoff", initialBackoff);
            positive("notify.delivery.max-backoff", maxBackoff);
            positive("notify.delivery.rate-limited-backoff", rateLimitedBackoff);
            positive("notify.delivery.lease", lease);
            positive("notify.delivery.http-timeout", httpTimeout);
            positive("notify.delivery.sweep-interval", sweepInterval);
            if (lease.compareTo(httpTimeout.multipliedBy(2)) < 0) {
                // a lease shorter than a send would let a second instance resend a message still in flight
                throw new IllegalArgumentException("notify.delivery.lease must be at least twice http-timeout");
            }
        }
    }

    /**
     * The send pool (issue #13): intake records a delivery and returns; one of these threads claims and sends it.
     *
     * @param threads sends in flight at once (robot HTTP plus the SENT update and its event), env
     *     {@code NOTIFY_SEND_THREADS}
     * @param queue recorded sends waiting for a thread; when full, the consumer thread sends itself (back-pressure
     *     on Kafka polling, nothing dropped), env {@code NOTIFY_SEND_QUEUE}
     * @param drainTimeout how long shutdown waits for queued and running sends; what is left stays PENDING /
     *     IN_FLIGHT for the sweep
     */
    public record Send(
            @DefaultValue("16") @Min(1) @Max(256) int threads,
            @DefaultValue("200") @Min(1) @Max(100000) int queue,
            @DefaultValue("10s") Duration drainTimeout) {

        public Send {
            positive("notify.send.drain-timeout", drainTimeout);
        }
    }

    /**
     * Read by the Kafka binding of {@code lead.captured} in application.yml; declared here so that a bad value stops
     * start-up with its name.
     *
     * @param consumers consumer threads of {@code lead.captured} (useful up to its partition count; a lead's events
     *     stay in order because the key is the lead id), env {@code NOTIFY_LEAD_CONSUMERS}
     * @param maxPollRecords records per poll; a poll's records must be handled within {@code max.poll.interval.ms}
     *     even when back-pressure makes the consumer send itself, env {@code NOTIFY_MAX_POLL_RECORDS}
     */
    public record Intake(
            @DefaultValue("3") @Min(1) @Max(64) int consumers,
            @DefaultValue("100") @Min(1) @Max(1000) int maxPollRecords) {}

    /**
     * @param signingSecret HMAC key of acknowledgement links, env {@code ACK_SIGNING_SECRET}
     * @param linkTtl how long an acknowledgement link stays valid
     * @param escalateAfter no acknowledgement within this time → backup / next agent + duty manager, env
     *     {@code ESCALATE_AFTER}
     * @param maxEscalations escalation steps per lead before only the duty manager is left
     * @param checkInterval how often one instance (under a job lease) looks for leads past {@code escalateAfter}: a
     *     lead escalates at most this much later than its deadline
     */
    public record Ack(
            @DefaultValue("local-ack-secret") String signingSecret,
            @DefaultValue("24h") Duration linkTtl,
            @DefaultValue("5m") Duration escalateAfter,
            @DefaultValue("2") @Min(0) @Max(10) int maxEscalations,
            @DefaultValue("10s") Duration checkInterval) {

        public Ack {
            positive("notify.ack.link-ttl", linkTtl);
            positive("notify.ack.escalate-after", escalateAfter);
            positive("notify.ack.check-interval", checkInterval);
        }
    }

    /** The mail-catcher style sandbox robot; enabled in profile {@code local} only. */
    public record Sandbox(@DefaultValue("false") boolean enabled) {}

    /**
     * Alibaba Cloud SMS. Empty access key = SMS channel unavailable (agents with {@code sms: true} fall through).
     *
     * @param endpoint API endpoint host[:port] (tests point it to a local server), env {@code ALIYUN_SMS_ENDPOINT}
     * @param protocol HTTPS in production
     */
    public record Sms(
            @DefaultValue("dysmsapi.aliyuncs.com") @NotBlank String endpoint,
            @DefaultValue("HTTPS") Protocol protocol,
            @DefaultValue("") String accessKeyId,
            @DefaultValue("") String accessKeySecret,
            @DefaultValue("") String signName,
            @DefaultValue("") String templateCode) {

        /** Transport of the SMS API. */
        public enum Protocol {
            HTTPS,
            HTTP
        }

        public boolean configured() {
            return !accessKeyId.isBlank() && !accessKeySecret.isBlank() && !templateCode.isBlank();
        }
    }

    private static void positive(String name, Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
