package cn.zschangfang.notify.channel.dingtalk;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.channel.Channel;
import cn.zschangfang.notify.channel.ChannelType;
import cn.zschangfang.notify.channel.OutboundMessage;
import cn.zschangfang.notify.channel.RobotHttp;
import cn.zschangfang.notify.channel.SendResult;
import cn.zschangfang.notify.channel.render.LeadText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * DingTalk custom robot: markdown message; with a secret, {@code timestamp} and {@code sign} =
 * Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)) go into the query string. Errors come as errcode in 200s.
 */
@Component
public class DingTalkRobotChannel implements Channel {

    /**
     * DingTalk documents no exact markdown size; 4,096 bytes keeps a digest readable on a phone and far below the
     * request limit.
     */
    public static final int MAX_MARKDOWN_BYTES = 4096;

    private final RobotHttp http;
    private final Clock clock;

    public DingTalkRobotChannel(RobotHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.DINGTALK;
    }

    @Override
    public boolean availableFor(Agent agent) {
        return agent.spec().channels().dingtalkWebhook() != null
                && !agent.spec().channels().dingtalkWebhook().isBlank();
    }

    @Override
    public String limitTarget(Agent agent) {
        return agent.spec().channels().dingtalkWebhook();
    }

    @Override
    public int capacity(Agent agent, OutboundMessage message) {
        return LeadText.render(message, LeadText.Style.MARKDOWN, MAX_MARKDOWN_BYTES, null)
                .items();
    }

    @Override
    public SendResult send(Agent agent, OutboundMessage message) {
        String url = agent.spec().channels().dingtalkWebhook();
        String secret = agent.spec().channels().dingtalkSecret();
        if (secret != null && !secret.isBlank()) {
            long timestamp = clock.millis();
            url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                    + URLEncoder.encode(sign(timestamp, secret), StandardCharsets.UTF_8);
        }
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
                        LeadText.render(message, LeadText.Style.MARKDOWN, MAX_MARKDOWN_BYTES, null)
                                .text()));
        RobotHttp.Reply reply = http.post(url, body);
        if (reply.httpFailure() != null) {
            return reply.httpFailure();
        }
        Object code = reply.body().get("errcode");
        int errcode = code instanceof Number n ? n.intValue() : -1;
        return switch (errcode) {
            case 0 -> SendResult.sent();
            case 130101, 660026 -> SendResult.rateLimited(String.valueOf(errcode)); // sent too fast
            case -1 -> SendResult.transientFailure("no-errcode");
            default ->
                errcode >= 300000 && errcode < 400000 || errcode == 400013 || errcode == 410100
                        ? SendResult.permanent(String.valueOf(errcode)) // token/keyword/sign/ip problems
                        : SendResult.transientFailure(String.valueOf(errcode));
        };
    }

    /** DingTalk's signature: Base64(HMAC-SHA256 keyed by secret over timestamp + "\n" + secret). */
    public static String sign(long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
