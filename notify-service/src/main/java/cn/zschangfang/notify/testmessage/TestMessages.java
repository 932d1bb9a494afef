package cn.zschangfang.notify.testmessage;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.agent.AgentSpec;
import cn.zschangfang.notify.channel.Channel;
import cn.zschangfang.notify.channel.ChannelType;
import cn.zschangfang.notify.channel.Channels;
import cn.zschangfang.notify.channel.OutboundMessage;
import cn.zschangfang.notify.channel.Purpose;
import cn.zschangfang.notify.channel.SendResult;
import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.notify.delivery.RobotRateLimiter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Sends "测试消息" at once to every channel configured for an agent, one attempt each, and says in Chinese what
 * happened: the back office's 发送测试消息 button. A robot's per-minute budget is shared with lead messages, so a test
 * message takes its turn at the limiter like any other message.
 */
@Service
public class TestMessages {

    private final Channels channels;
    private final RobotRateLimiter limiter;
    private final NotifyProperties properties;

    public TestMessages(Channels channels, RobotRateLimiter limiter, NotifyProperties properties) {
        this.channels = channels;
        this.limiter = limiter;
        this.properties = properties;
    }

    /** What one channel did; {@code code} is the channel's code (for the audit), never shown as the detail. */
    public record Result(ChannelType channel, Status status, String detail, String code) {}

    /** Outcome of one test message. */
    public enum Status {
        SENT,
        FAILED,
        /** configured for the agent but not usable in this deployment (e.g. no SMS credentials) */
        UNAVAILABLE
    }

    public List<Result> send(Agent agent) {
        List<Result> results = new ArrayList<>();
        for (ChannelType type : configured(agent.spec())) {
            results.add(sendOne(agent, type));
        }
        return results;
    }

    private Result sendOne(Agent agent, ChannelType type) {
        Optional<Channel> channel = channels.of(type).filter(c -> c.availableFor(agent));
        if (channel.isEmpty()) {
            return new Result(
                    type,
                    Status.UNAVAILABLE,
                    type == ChannelType.SMS ? "本部署未配置短信服务，短信无法发送" : "本部署未启用该通知渠道",
                    "unavailable");
        }
        String target = channel.get().limitTarget(agent);
        if (target != null) {
            Instant next = limiter.tryAcquire(target);
            if (next != null) {
                return new Result(type, Status.FAILED, "该机器人本分钟的消息额度已用完，请一分钟后再试", "limited");
            }
        }
        OutboundMessage message = new OutboundMessage(
                Purpose.TEST,
                List.of(),
                null,
                UUID.randomUUID().toString(),
                properties.inboxUrl(),
                properties.publicBaseUrl(),
                null);
        SendResult result;
        try {
            result = channel.get().send(agent, message);
        } catch (RuntimeException e) {
            result = SendResult.transientFailure("exception");
        }
        return new Result(type, status(result), detail(result), result.code());
    }

    private static Status status(SendResult result) {
        return result.outcome() == SendResult.Outcome.SENT ? Status.SENT : Status.FAILED;
    }

    /** A fixed Chinese sentence per outcome: channel answers may echo configuration, so they are never shown. */
    static String detail(SendResult result) {
        String code = result.code() == null ? "" : result.code();
        return switch (result.outcome()) {
            case SENT -> "已发送，请在手机上查看";
            case RATE_LIMITED -> "发送过于频繁，通知渠道暂时限流，请稍后再试";
            case UNKNOWN -> "未收到通知渠道的答复，请在手机上确认是否收到";
            case TRANSIENT -> "通知渠道暂时不可用（网络或服务错误），请稍后再试";
            case PERMANENT -> {
                if (code.equals("93000") || code.equals("http-404") || code.equals("bad-url")) {
                    yield "Webhook 地址无效或机器人已被移出群聊，请检查配置";
                }
                if (code.equals("310000") || code.startsWith("19")) {
                    yield "签名或关键词校验失败，请检查机器人的安全设置";
                }
                yield "通知渠道拒绝了该消息，请检查配置";
            }
        };
    }

    /** The channels the agent's settings name, in the order lead messages try them. */
    static List<ChannelType> configured(AgentSpec spec) {
        AgentSpec.ChannelSettings c = spec.channels();
        List<ChannelType> types = new ArrayList<>();
        if (present(c.wecomWebhook())) {
            types.add(ChannelType.WECOM);
        }
        if (present(c.dingtalkWebhook())) {
            types.add(ChannelType.DINGTALK);
        }
        if (present(c.feishuWebhook())) {
            types.add(ChannelType.FEISHU);
        }
        if (c.sms() && present(c.mobile())) {
            types.add(ChannelType.SMS);
        }
        return types;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
