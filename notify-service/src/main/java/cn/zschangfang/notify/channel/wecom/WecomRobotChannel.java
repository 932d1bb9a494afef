package cn.zschangfang.notify.channel.wecom;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.agent.AgentSpec;
import cn.zschangfang.notify.channel.ChannelType;
import cn.zschangfang.notify.channel.OutboundMessage;
import cn.zschangfang.notify.channel.RobotHttp;
import cn.zschangfang.notify.channel.SendResult;
import cn.zschangfang.notify.channel.WebhookRobotChannel;
import cn.zschangfang.notify.channel.render.LeadText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * WeChat Work group robot, one robot message per message, so a robot's 20-per-minute budget carries leads, not
 * pings. Markdown (≤ 4,096 bytes) when the agent is mentioned by user id ({@code <@id>} works inside markdown) or
 * not at all; a text message (≤ 2,048 bytes) with {@code mentioned_mobile_list} when the agent is known only by
 * mobile, because markdown cannot mention by mobile. errcode 0 ok, 45009 rate limited, 93000 invalid webhook.
 */
@Component
public class WecomRobotChannel extends WebhookRobotChannel {

    public static final int MAX_MARKDOWN_BYTES = 4096;
    public static final int MAX_TEXT_BYTES = 2048;

    public WecomRobotChannel(RobotHttp http) {
        super(ChannelType.WECOM, AgentSpec.ChannelSettings::wecomWebhook, http);
    }

    @Override
    public SendResult send(Agent agent, OutboundMessage message) {
        String content = render(agent, message).text();
        Map<String, Object> body = new LinkedHashMap<>();
        if (mentionByMobile(agent)) {
            body.put("msgtype", "text");
            body.put(
                    "text",
                    Map.of(
                            "content",
                            content,
                            "mentioned_mobile_list",
                            List.of(agent.spec().channels().mobile())));
        } else {
            body.put("msgtype", "markdown");
            body.put("markdown", Map.of("content", content));
        }
        return post(webhook(agent), body, "errcode");
    }

    @Override
    protected LeadText.Rendered render(Agent agent, OutboundMessage message) {
        return mentionByMobile(agent)
                ? LeadText.render(message, LeadText.Style.PLAIN, MAX_TEXT_BYTES, null)
                : LeadText.render(
                        message,
                        LeadText.Style.MARKDOWN,
                        MAX_MARKDOWN_BYTES,
                        agent.spec().channels().wecomUserId());
    }

    private static boolean mentionByMobile(Agent agent) {
        return !present(agent.spec().channels().wecomUserId())
                && present(agent.spec().channels().mobile());
    }

    @Override
    protected SendResult failure(int errcode) {
        return switch (errcode) {
            case 45009 -> SendResult.rateLimited("45009");
            case 93000, 40008, 93004 -> SendResult.permanent(String.valueOf(errcode));
            default ->
                errcode >= 40000 && errcode < 50000 && errcode != 45009
                        ? SendResult.permanent(String.valueOf(errcode))
                        : SendResult.transientFailure(String.valueOf(errcode));
        };
    }
}
