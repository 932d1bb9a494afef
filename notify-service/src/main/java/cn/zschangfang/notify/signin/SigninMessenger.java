package cn.zschangfang.notify.signin;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.agent.AgentSpec;
import cn.zschangfang.notify.channel.RobotHttp;
import cn.zschangfang.notify.channel.dingtalk.DingTalkRobotChannel;
import cn.zschangfang.notify.channel.feishu.FeishuRobotChannel;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a sign-in link to the agent's own robot, in the channel order of lead messages (WeChat Work, DingTalk,
 * Feishu), one attempt each: the agent is waiting on the sign-in page and simply asks again if nothing arrives.
 */
@Component
public class SigninMessenger {

    private static final Logger log = LoggerFactory.getLogger(SigninMessenger.class);

    private final RobotHttp http;
    private final Clock clock;

    public SigninMessenger(RobotHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** Whether one channel accepted the message. */
    public boolean send(Agent agent, String link, long validMinutes) {
        AgentSpec.ChannelSettings s = agent.spec().channels();
        String markdown = "## 登录询盘工作台\n> " + safeName(agent.name()) + "，点击下面的链接登录（" + validMinutes
                + " 分钟内有效，仅可使用一次）：\n[立即登录](" + link + ")\n如非本人操作，请忽略此消息。";
        if (present(s.wecomWebhook())) {
            if (ok(http.post(
                    s.wecomWebhook(), Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown))))) {
                return true;
            }
        }
        if (present(s.dingtalkWebhook())) {
            String url = DingTalkRobotChannel.signedUrl(s, clock);
            if (ok(http.post(
                    url, Map.of("msgtype", "markdown", "markdown", Map.of("title", "登录询盘工作台", "text", markdown))))) {
                return true;
            }
        }
        if (present(s.feishuWebhook())) {
            Map<String, Object> body = FeishuRobotChannel.signedBody(s, clock);
            body.put("msg_type", "text");
            body.put("content", Map.of("text", "登录询盘工作台（" + validMinutes + " 分钟内有效，仅可使用一次）：" + link));
            if (ok(http.post(s.feishuWebhook(), body))) {
                return true;
            }
        }
        log.warn("sign-in link for agent {} could not be sent: no robot channel accepted it", agent.id());
        return false;
    }

    private static boolean ok(RobotHttp.Reply reply) {
        if (reply.httpFailure() != null) {
            return false;
        }
        return reply.code("errcode", "code", "StatusCode") == 0;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** The name is configured by an admin, but it still goes into markdown: keep only letters and digits. */
    private static String safeName(String name) {
        return name == null ? "您好" : name.replaceAll("[^\\p{L}\\p{N}·]", "");
    }
}
