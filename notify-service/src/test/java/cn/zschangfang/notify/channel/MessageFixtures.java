package cn.zschangfang.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.channel.dingtalk.DingTalkRobotChannel;
import cn.zschangfang.notify.channel.feishu.FeishuRobotChannel;
import cn.zschangfang.notify.channel.render.LeadText;
import cn.zschangfang.notify.channel.wecom.WecomRobotChannel;
import cn.zschangfang.notify.lead.Lead;
import cn.zschangfang.notify.support.AgentSpecBuilder;
import cn.zschangfang.notify.support.LeadBuilder;
import cn.zschangfang.notify.support.TestProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/** Leads, messages and channels for the message tests: the longest and a typical lead, each robot posting into a list. */
final class MessageFixtures {

    private MessageFixtures() {}

    static final Pattern REF = Pattern.compile(Pattern.quote(LeadText.REF) + "([A-Za-z0-9-]+)");
    static final String ACK = "https://portal.example/ack/" + "t".repeat(120) + "." + "s".repeat(43);
    static final String INBOX = "https://portal.example/agent";

    /** The longest values a lead.captured event can bring (lead ids are UUID-like, at most 100 characters). */
    static Lead longest(String id) {
        return LeadBuilder.lead(id)
                .wants("L".repeat(300), "T".repeat(300), "沙".repeat(300))
                .areaSqm(new Lead.Range(1.23456789e300, 9.87654321e300))
                .business("用".repeat(5000), 1.0e300, "公".repeat(5000))
                .contact("张".repeat(300), "😀".repeat(300))
                .message("留".repeat(20_000))
                .score(Integer.MIN_VALUE)
                .build();
    }

    static Lead typical(String id, String message) {
        return LeadBuilder.lead(id)
                .wants("LEASE", "WAREHOUSE", "沙溪镇")
                .areaSqm(new Lead.Range(500.0, 500.0))
                .business("仓储", 12.5, "中山某五金有限公司")
                .contact("张*", "138****9793")
                .message(message)
                .score(70)
                .build();
    }

    static OutboundMessage message(List<Lead> leads) {
        List<OutboundMessage.Item> items =
                leads.stream().map(l -> new OutboundMessage.Item(l, ACK)).toList();
        return new OutboundMessage(
                items.size() > 1 ? Purpose.DIGEST : Purpose.ESCALATION, items, "值".repeat(500), "d-1", INBOX);
    }

    static List<Lead> leads(int n, Function<String, Lead> make) {
        List<Lead> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(make.apply(String.format("%08d", i) + "-" + "x".repeat(91)));
        }
        return out;
    }

    /** A channel under test with the robot's answer "ok" and every posted body kept. */
    record Posted(Channel channel, List<String> bodies, Agent agent, Function<String, String> content, int limit) {}

    static Posted wecomMarkdown() {
        return posted(
                WecomRobotChannel::new,
                AgentSpecBuilder.agent("a")
                        .wecom("https://qyapi.weixin.qq.com/x")
                        .wecomUserId("zhang.san"),
                "/markdown/content",
                WecomRobotChannel.MAX_MARKDOWN_BYTES);
    }

    static Posted wecomText() {
        return posted(
                WecomRobotChannel::new,
                AgentSpecBuilder.agent("a")
                        .wecom("https://qyapi.weixin.qq.com/x")
                        .mobile("13912345678"),
                "/text/content",
                WecomRobotChannel.MAX_TEXT_BYTES);
    }

    static Posted dingtalk() {
        return posted(
                http -> new DingTalkRobotChannel(http, Clock.systemUTC()),
                AgentSpecBuilder.agent("a").dingtalk("https://oapi.dingtalk.com/x", null),
                "/markdown/text",
                DingTalkRobotChannel.MAX_MARKDOWN_BYTES);
    }

    static Posted feishu() {
        return posted(
                http -> new FeishuRobotChannel(http, Clock.systemUTC()),
                AgentSpecBuilder.agent("a").feishu("https://open.feishu.cn/x", null),
                "/content/text",
                FeishuRobotChannel.MAX_TEXT_BYTES);
    }

    /** @param content where the posted body carries the message's text (a JSON pointer) */
    private static Posted posted(Function<RobotHttp, Channel> make, AgentSpecBuilder spec, String content, int limit) {
        JsonMapper json = JsonMapper.builder().build();
        List<String> bodies = new ArrayList<>();
        RobotHttp http = new RobotHttp(TestProperties.notify(Map.of())) {
            @Override
            public Reply post(String url, Object body) {
                bodies.add(json.writeValueAsString(body));
                return new Reply(null, Map.of("errcode", 0, "code", 0));
            }
        };
        Agent agent = new Agent("a", spec.build(), null, 0, null, null);
        return new Posted(
                make.apply(http),
                bodies,
                agent,
                b -> json.readTree(b).at(content).asString(),
                limit);
    }

    static List<Posted> channels() {
        return List.of(wecomMarkdown(), wecomText(), dingtalk(), feishu());
    }

    /** Sends {@code leads} as a burst does: each message carries what fits, the rest go into the next. */
    static List<String> sendAll(Posted p, List<Lead> leads) {
        List<Lead> waiting = new ArrayList<>(leads);
        while (!waiting.isEmpty()) {
            OutboundMessage m = message(waiting);
            int fits = p.channel().capacity(p.agent(), m);
            assertThat(fits).isBetween(1, waiting.size());
            assertThat(p.channel()
                            .send(p.agent(), message(waiting.subList(0, fits)))
                            .outcome())
                    .isEqualTo(SendResult.Outcome.SENT);
            waiting.subList(0, fits).clear();
        }
        return p.bodies().stream().map(p.content()).toList();
    }

    static List<String> refs(String text) {
        List<String> ids = new ArrayList<>();
        Matcher m = REF.matcher(text);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
