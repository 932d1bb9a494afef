package cn.zschangfang.notify.channel.dingtalk;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.agent.AgentSpec;
import cn.zschangfang.notify.channel.ChannelType;
import cn.zschangfang.notify.channel.OutboundMessage;
import cn.zschangfang.notify.channel.RobotHttp;
import cn.zschangfang.notify.channel.SendResult;
import cn.zschangfang.notify.channel.WebhookRobotChannel;
import cn.zschangfang.notify.channel.render.LeadText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * DingTalk custom robot: markdown message; with a secret, {@code timestamp} and {@code sign} =
 * Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)) go into the query string. Errors come as errcode in 200s.
 */
@Component
public class DingTalkRobotChannel extends WebhookRobotChannel {

    /**
     * DingTalk documents no exact markdown size; 4,096 bytes keeps a digest readable on a phone and far below the
     * request limit.
     */
    public static final int MAX_MARKDOWN_BYTES = 4096;

    private final Clock clock;

    public DingTalkRobotChannel(RobotHttp http, Clock clock) {
        super(ChannelType.DINGTALK, AgentSpec.ChannelSettings::dingtalkWebhook, http);
        this.clock = clock;
    }

    @Override
    protected LeadText.Rendered render(Agent agent, OutboundMessage message) {
        return LeadText.render(message, LeadText.Style.MARKDOWN, MAX_MARKDOWN_BYTES, null);
    }

    @Override
    public SendResult send(Agent agent, OutboundMessage message) {
        String url = signedUrl(agent.spec().channels(), clock);
        Map<String, Object> body = Map.of(
                "msgtype",
                "markdown",
                "markdown",
                Map.of(
                        "title",
                        switch (message.purpose()) {
                            case LISTING_MATCH -> "新房源匹配";
                            case TEST -> "测试消息";
                            default -> "新询盘";
                        },
                        "text",
                        render(agent, message).text()));
        return post(url, body, "errcode");
    }

    @Override
    protected SendResult failure(int errcode) {
        return switch (errcode) {
            case 130101, 660026 -> SendResult.rateLimited(String.valueOf(errcode)); // sent too fast
            default ->
                errcode >= 300000 && errcode < 400000 || errcode == 400013 || errcode == 410100
                        ? SendResult.permanent(String.valueOf(errcode)) // token/keyword/sign/ip problems
                        : SendResult.transientFailure(String.valueOf(errcode));
        };
    }

    /** The webhook, with {@code timestamp} and {@code sign} in the query string when the robot has a secret. */
    public static String signedUrl(AgentSpec.ChannelSettings channels, Clock clock) {
        String url = channels.dingtalkWebhook();
        String secret = channels.dingtalkSecret();
        if (secret == null || secret.isBlank()) {
            return url;
        }
        long timestamp = clock.millis();
        return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                + URLEncoder.encode(sign(timestamp, secret), StandardCharsets.UTF_8);
    }

    /** DingTalk's signature: Base64(HMAC-SHA256 keyed by secret over timestamp + "\n" + secret). */
    public static String sign(long timestamp, String secret) {
        return RobotHttp.hmacSha256Base64(secret, timestamp + "\n" + secret);
    }
}
