package cn.zschangfang.notify.channel.wecom;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.channel.Channel;
import cn.zschangfang.notify.channel.ChannelType;
import cn.zschangfang.notify.channel.OutboundMessage;
import cn.zschangfang.notify.channel.RobotHttp;
import cn.zschangfang.notify.channel.SendResult;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * WeChat Work group robot: markdown message, then (agent with a mobile but no {@code wecomUserId}) a text message
 * with {@code mentioned_mobile_list} so the phone buzzes. errcode 0 ok, 45009 rate limited, 93000 invalid webhook.
 */
@Component
public class WecomRobotChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(WecomRobotChannel.class);

    private final RobotHttp http;

    public WecomRobotChannel(RobotHttp http) {
        this.http = http;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WECOM;
    }

    @Override
    public boolean availableFor(Agent agent) {
        return agent.spec().wecomWebhook() != null
                && !agent.spec().wecomWebhook().isBlank();
    }

    @Override
    public String limitTarget(Agent agent) {
        return agent.spec().wecomWebhook();
    }

    @Override
    public SendResult send(Agent agent, OutboundMessage message) {
        String userId = agent.spec().wecomUserId();
        Map<String, Object> body =
                Map.of("msgtype", "markdown", "markdown", Map.of("content", WecomMarkdown.render(message, userId)));
        SendResult result = classify(http.post(agent.spec().wecomWebhook(), body));
        boolean mentionByMobile = (userId == null || userId.isBlank())
                && agent.spec().mobile() != null
                && !agent.spec().mobile().isBlank()
                && message.items().size() == 1;
        if (result.outcome() == SendResult.Outcome.SENT && mentionByMobile) {
            // best effort: the lead itself is delivered; a failed ping must not cause the markdown to be re-sent
            SendResult ping = classify(http.post(
                    agent.spec().wecomWebhook(),
                    Map.of(
                            "msgtype",
                            "text",
                            "text",
                            Map.of(
                                    "content",
                                    WecomMarkdown.mentionText(message),
                                    "mentioned_mobile_list",
                                    List.of(agent.spec().mobile())))));
            if (ping.outcome() != SendResult.Outcome.SENT) {
                log.warn("mention ping for agent {} failed with {}", agent.id(), ping.code());
            }
        }
        return result;
    }

    static SendResult classify(RobotHttp.Reply reply) {
        if (reply.httpFailure() != null) {
            return reply.httpFailure();
        }
        Object code = reply.body().get("errcode");
        int errcode = code instanceof Number n ? n.intValue() : -1;
        return switch (errcode) {
            case 0 -> SendResult.sent();
            case 45009 -> SendResult.rateLimited("45009");
            case 93000, 40008, 93004 -> SendResult.permanent(String.valueOf(errcode));
            case -1 -> SendResult.transientFailure("no-errcode");
            default ->
                errcode >= 40000 && errcode < 50000 && errcode != 45009
                        ? SendResult.permanent(String.valueOf(errcode))
                        : SendResult.transientFailure(String.valueOf(errcode));
        };
    }
}
