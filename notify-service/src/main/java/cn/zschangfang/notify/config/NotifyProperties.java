package cn.zschangfang.notify.config;

import cn.zschangfang.notify.agent.AgentSpec;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything notify-service reads from configuration ({@code notify.*}); every secret and endpoint has an
 * environment variable in application.yml.
 *
 * @param publicBaseUrl where links in agent messages point (the gateway), env {@code PUBLIC_BASE_URL}
 * @param adminToken bearer token of the ADMIN role, env {@code ADMIN_TOKEN}
 * @param agents agents seeded (upserted by id) into the registry at start-up
 * @param dutyManagerId id of the agent who receives leads nobody else can take and escalation notices
 */
@ConfigurationProperties("notify")
public record NotifyProperties(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("local-admin-token") String adminToken,
        @DefaultValue List<AgentSpec> agents,
        @DefaultValue("duty-manager") String dutyManagerId,
        @DefaultValue Routing routing,
        @DefaultValue Webhooks webhooks,
        @DefaultValue Delivery delivery,
        @DefaultValue Ack ack,
        @DefaultValue Sandbox sandbox,
        @DefaultValue Sms sms) {

    /** Development default of {@link #adminToken()}; refused outside profile {@code local}. */
    public static final String DEV_ADMIN_TOKEN = "local-admin-token";
    /** Development default of {@link Ack#signingSecret()}; refused outside profile {@code local}. */
    public static final String DEV_ACK_SECRET = "local-ack-secret";

    /**
     * @param strategy WEIGHTED_ROUND_ROBIN, LEAST_OPEN_LEADS or SHARED_POOL
     * @param zone time zone of working hours
     */
    public record Routing(
            @DefaultValue("WEIGHTED_ROUND_ROBIN") String strategy,
            @DefaultValue("Asia/Shanghai") String zone) {}

    /**
     * Server-side request forgery guard for agent webhooks.
     *
     * @param allowedHosts exact host names a webhook may point to
     * @param allowLoopback whether 127.0.0.1/localhost webhooks are accepted (local stack and tests only)
     */
    public record Webhooks(
            @DefaultValue({"qyapi.weixin.qq.com", "oapi.dingtalk.com", "open.feishu.cn"})
            List<String> allowedHosts,

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
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("5m") Duration maxBackoff,
            @DefaultValue("60s") Duration rateLimitedBackoff,
            @DefaultValue("30s") Duration lease,
            @DefaultValue("5s") Duration httpTimeout,
            @DefaultValue("18") int robotLimitPerMinute,
            @DefaultValue("1s") Duration sweepInterval) {}

    /**
     * @param signingSecret HMAC key of acknowledgement links, env {@code ACK_SIGNING_SECRET}
     * @param linkTtl how long an acknowledgement link stays valid
     * @param escalateAfter no acknowledgement within this time → backup / next agent + duty manager
     * @param maxEscalations escalation steps per lead before only the duty manager is left
     */
    public record Ack(
            @DefaultValue("local-ack-secret") String signingSecret,
            @DefaultValue("24h") Duration linkTtl,
            @DefaultValue("5m") Duration escalateAfter,
            @DefaultValue("2") int maxEscalations,
            @DefaultValue("10s") Duration checkInterval) {}

    /** The mail-catcher style sandbox robot; enabled in profile {@code local} only. */
    public record Sandbox(@DefaultValue("false") boolean enabled) {}

    /**
     * Alibaba Cloud SMS. Empty access key = SMS channel unavailable (agents with {@code sms: true} fall through).
     *
     * @param endpoint API endpoint host[:port] (tests point it to a local server)
     * @param protocol HTTPS in production
     */
    public record Sms(
            @DefaultValue("dysmsapi.aliyuncs.com") String endpoint,
            @DefaultValue("HTTPS") String protocol,
            @DefaultValue("") String accessKeyId,
            @DefaultValue("") String accessKeySecret,
            @DefaultValue("") String signName,
            @DefaultValue("") String templateCode) {

        public boolean configured() {
            return !accessKeyId.isBlank() && !accessKeySecret.isBlank() && !templateCode.isBlank();
        }
    }
}
