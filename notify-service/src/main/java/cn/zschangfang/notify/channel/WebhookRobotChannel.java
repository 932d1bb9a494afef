package cn.zschangfang.notify.channel;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.agent.AgentSpec;
import cn.zschangfang.notify.channel.render.LeadText;
import java.util.function.Function;

/**
 * A group robot reached by a webhook of the agent's (WeChat Work, DingTalk, Feishu): available when the webhook is
 * set, rate-limited per webhook, carrying what fits its size limit, and answering HTTP 200 with a result code in the
 * body (0 sent, none at all a transient failure). Each robot says how it renders and what its other codes mean.
 */
public abstract class WebhookRobotChannel implements Channel {

    private final ChannelType type;
    private final Function<AgentSpec.ChannelSettings, String> webhook;
    private final RobotHttp http;

    protected WebhookRobotChannel(
            ChannelType type, Function<AgentSpec.ChannelSettings, String> webhook, RobotHttp http) {
        this.type = type;
        this.webhook = webhook;
        this.http = http;
    }

    @Override
    public ChannelType type() {
        return type;
    }

    @Override
    public boolean availableFor(Agent agent) {
        return present(webhook(agent));
    }

    @Override
    public String limitTarget(Agent agent) {
        return webhook(agent);
    }

    @Override
    public int capacity(Agent agent, OutboundMessage message) {
        return render(agent, message).items();
    }

    /** The message as this robot shows it to the agent, within its size limit. */
    protected abstract LeadText.Rendered render(Agent agent, OutboundMessage message);

    protected final String webhook(Agent agent) {
        return webhook.apply(agent.spec().channels());
    }

    /**
     * Posts the body and classifies the answer; {@code codeFields} name the result code in the body (the first
     * present counts), {@link #failure} classifies a code other than 0.
     */
    protected final SendResult post(String url, Object body, String... codeFields) {
        RobotHttp.Reply reply = http.post(url, body);
        if (reply.httpFailure() != null) {
            return reply.httpFailure();
        }
        int code = reply.code(codeFields);
        return switch (code) {
            case 0 -> SendResult.sent();
            case -1 -> SendResult.transientFailure("no-" + codeFields[0]);
            default -> failure(code);
        };
    }

    /** What a result code other than 0 means: rate limited, permanent (bad webhook, sign…) or transient. */
    protected abstract SendResult failure(int code);

    protected static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
