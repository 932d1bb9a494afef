package cn.zschangfang.notify.channel.feishu;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.agent.AgentSpec;
import cn.zschangfang.notify.channel.ChannelType;
import cn.zschangfang.notify.channel.OutboundMessage;
import cn.zschangfang.notify.channel.RobotHttp;
import cn.zschangfang.notify.channel.SendResult;
import cn.zschangfang.notify.channel.WebhookRobotChannel;
import cn.zschangfang.notify.channel.render.LeadText;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Feishu custom bot: text message; with a secret, {@code timestamp} (seconds) and {@code sign} =
 * Base64(HMAC-SHA256 keyed by timestamp + "\n" + secret over an empty message) go into the body. Errors come as
 * {@code code} in 200s.
 */
@Component
public class FeishuRobotChannel extends WebhookRobotChannel {

    /** Feishu accepts request bodies up to 20 KB; 4,096 bytes of text keeps a digest readable on a phone. */
    public static final int MAX_TEXT_BYTES = 4096;

    private final Clock clock;

    public FeishuRobotChannel(RobotHttp http, Clock clock) {
        super(ChannelType.FEISHU, AgentSpec.ChannelSettings::feishuWebhook, http);
        this.clock = clock;
    }

    @Override
    protected LeadText.Rendered render(Agent agent, OutboundMessage message) {
        return LeadText.render(message, LeadText.Style.PLAIN, MAX_TEXT_BYTES, null);
    }

    @Override
    public SendResult send(Agent agent, OutboundMessage message) {
        Map<String, Object> body = signedBody(agent.spec().channels(), clock);
        body.put("msg_type", "text");
        body.put("content", Map.of("text", render(agent, message).text()));
        return post(webhook(agent), body, "code", "StatusCode");
    }

    @Override
    protected SendResult failure(int c) {
        return switch (c) {
            case 9499, 11232 -> SendResult.rateLimited(String.valueOf(c)); // too many requests
            default ->
                c >= 19000 && c < 20000
                        ? SendResult.permanent(String.valueOf(c))
                        : SendResult.transientFailure(String.valueOf(c));
        };
    }

    /** A message body to fill, with {@code timestamp} and {@code sign} already in it when the bot has a secret. */
    public static Map<String, Object> signedBody(AgentSpec.ChannelSettings channels, Clock clock) {
        Map<String, Object> body = new LinkedHashMap<>();
        String secret = channels.feishuSecret();
        if (secret != null && !secret.isBlank()) {
            long timestamp = clock.instant().getEpochSecond();
            body.put("timestamp", String.valueOf(timestamp));
            body.put("sign", sign(timestamp, secret));
        }
        return body;
    }

    /** Feishu's signature: Base64(HMAC-SHA256 keyed by timestamp + "\n" + secret, over an empty message). */
    public static String sign(long timestamp, String secret) {
        return RobotHttp.hmacSha256Base64(timestamp + "\n" + secret, "");
    }
}
