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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every channel's messages fit its limit by construction, with the longest field values a lead can carry: a single
 * lead shortens only the visitor's text, a digest carries whole items and states their number, and the items that
 * did not fit go into the next message, so every lead appears exactly once.
 */
class MessageFitTest {

    static final Pattern REF = Pattern.compile(Pattern.quote(LeadText.REF) + "([A-Za-z0-9-]+)");
    private static final String ACK = "https://portal.example/ack/" + "t".repeat(120) + "." + "s".repeat(43);
    private static final String INBOX = "https://portal.example/agent";

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

    @Test
    void singleLeadWithTheLongestFieldsFitsEveryChannelAndKeepsItsReferenceAndLink() {
        for (Posted p : channels()) {
            Lead lead = longest("0f8fad5b-d9cb-469f-a165-70867728950e");
            List<String> texts = sendAll(p, List.of(lead));
            assertThat(texts).hasSize(1);
            String text = texts.get(0);
            assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(p.limit());
            assertThat(refs(text)).containsExactly(lead.leadId());
            assertThat(text).contains(ACK, "留留留").endsWith("…");
            assertThat(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .isEqualTo(text);
        }
    }

    @Test
    void hundredLeadBurstWithTheLongestFieldsShowsEveryLeadExactlyOnceInMessagesThatFit() {
        for (Posted p : channels()) {
            List<Lead> burst = leads(100, MessageFitTest::longest);
            List<String> texts = sendAll(p, burst);

            List<String> seen = new ArrayList<>();
            for (String text : texts) {
                assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(p.limit());
                List<String> carried = refs(text);
                seen.addAll(carried);
                if (carried.size() > 1) {
                    // the title states exactly how many it carries, and there is one link, to the inbox
                    assertThat(text)
                            .contains(carried.size() + " 条新询盘")
                            .contains(INBOX)
                            .doesNotContain(ACK);
                }
            }
            assertThat(seen)
                    .containsExactlyElementsOf(burst.stream().map(Lead::leadId).toList());
            assertThat(texts.size()).isLessThan(100); // folded, not one message per lead
        }
    }

    @Test
    void typicalDigestCarriesAboutTwentyLeadsPerMessage() {
        for (Posted p : channels()) {
            List<Lead> burst = leads(100, id -> typical(id, "急"));
            List<String> texts = sendAll(p, burst);
            assertThat(refs(String.join("\n", texts))).hasSize(100);
            assertThat(texts.size())
                    .as(p.channel().type() + " messages for 100 leads")
                    .isLessThanOrEqualTo(8);
        }
    }

    /**
     * {@code base} from a listing, with needs and three matches whose titles and reasons are far too long; with
     * {@code extreme} also slugs and needs at the lengths nothing real has.
     */
    static Lead withThreeLongMatches(Lead base, boolean extreme) {
        int slug = extreme ? 180 : 30;
        List<Lead.Match> matches = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            matches.add(new Lead.Match(
                    "lst-" + i,
                    "s" + i + "-" + "x".repeat(slug),
                    i + "号" + "超长标题的标准厂房".repeat(100),
                    99.0,
                    List.of("面积吻合".repeat(50), "层高满足".repeat(50), "同镇街")));
        }
        return LeadBuilder.from(base)
                .requirements(
                        extreme
                                ? new Lead.Requirements(
                                        1e300,
                                        1e300,
                                        "GROUND_ONLY",
                                        "C".repeat(300),
                                        1e300,
                                        new Lead.Budget(1e300, "U".repeat(300)),
                                        "2".repeat(300),
                                        Integer.MAX_VALUE,
                                        "行".repeat(300))
                                : new Lead.Requirements(
                                        8.0,
                                        500.0,
                                        "GROUND_ONLY",
                                        "C",
                                        null,
                                        new Lead.Budget(25.0, "YUAN_PER_SQM_MONTH"),
                                        "2026-05-01",
                                        36,
                                        "五金"))
                .sourceListing(new Lead.SourceListing("lst-0", "s0-" + "y".repeat(slug), "来源".repeat(500), "agent-x"))
                .matches(matches)
                .build();
    }

    @Test
    void threeLongMatchTitlesFitEveryChannelAndKeepTheReferenceOnceAndEveryLinkWhole() {
        for (int c = 0; c < channels().size(); c++) {
            for (Lead lead : List.of(
                    withThreeLongMatches(typical("0f8fad5b-d9cb-469f-a165-70867728950e", "急"), true),
                    withThreeLongMatches(longest("0f8fad5b-d9cb-469f-a165-70867728950e"), true))) {
                Posted p = channels().get(c);
                List<String> texts = sendAll(p, List.of(lead));
                assertThat(texts).hasSize(1);
                String text = texts.get(0);
                assertThat(text.getBytes(StandardCharsets.UTF_8).length)
                        .as(p.channel().type() + " " + p.limit())
                        .isLessThanOrEqualTo(p.limit());
                assertThat(refs(text)).containsExactly(lead.leadId());
                assertThat(text).contains(ACK, INBOX + "/leads/" + lead.leadId());
                // a listing line is in whole or not at all: every listing link that starts also ends
                Matcher links = Pattern.compile("https://portal\\.example/listings/(s\\d-[a-z]+)")
                        .matcher(text);
                while (links.find()) {
                    assertThat(links.group(1)).hasSize(183);
                }
            }
            // a new lead (no escalation note) with realistic slugs: all three are named, shortened, with their links
            Posted p = channels().get(c);
            Lead usualLead = withThreeLongMatches(typical("lead-2", "急"), false);
            p.channel()
                    .send(
                            p.agent(),
                            new OutboundMessage(
                                    Purpose.NEW_LEAD,
                                    List.of(new OutboundMessage.Item(usualLead, ACK)),
                                    null,
                                    "d",
                                    INBOX));
            String usual = p.content().apply(p.bodies().get(0));
            assertThat(usual.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(p.limit());
            for (int i = 1; i <= 3; i++) {
                assertThat(usual).contains("https://portal.example/listings/s" + i + "-" + "x".repeat(30), i + "号超长标题");
            }
            assertThat(usual).contains("层高≥8 米", "配电≥500 kVA", "只限一楼", "消防丙类", "预算 25 元/㎡/月", "来源来源");
            assertThat(usual).contains("面积吻合", "层高满足", "只限一楼").doesNotContain("同镇街");
        }
    }

    @Test
    void hostileVisitorTextCannotInjectLinksFontTagsMentionsOrHeaders() {
        String hostile = "[click](https://evil.example) <font color=\"warning\">urgent</font> <@all> @all "
                + "![img](x) `code` **b** \n# h1\n> quote &lt;font&gt; https://evil.example/raw";
        Lead lead = LeadBuilder.from(typical("lead-1", hostile))
                .company("<@boss>[co](http://x)")
                .build();
        String md = LeadText.render(message(List.of(lead)), LeadText.Style.MARKDOWN, 4096, null)
                .text();

        assertThat(md)
                .doesNotContain(
                        "](https://evil",
                        "](http://x",
                        "<font color=\"warning\">urgent",
                        "<@all>",
                        "<@boss>",
                        "\n# h1",
                        "\n> quote",
                        "`code`",
                        "**b**",
                        "https://evil.example/raw",
                        "&lt;");
        // our own markup is intact: two links, the masked phone shown literally
        assertThat(md.split("\\]\\(")).hasSize(3);
        assertThat(md).contains("[确认接单](" + ACK + ")", "[查看询盘](" + INBOX + "/leads/lead-1)");
        assertThat(md).contains("`138****9793`", "`张*`", "500 ㎡", "12.5 万元", "仓库", "编号 lead-1\n");
        assertThat(md).contains("click", "urgent", "quote");
    }

    @Test
    void maskedPhoneThatIsNotAMaskIsEscapedNotTrusted() {
        Lead lead = LeadBuilder.lead("lead-1")
                .receivedAt(null)
                .wants("LEASE", "LAND", "t")
                .contact("张*", "13812345678`<@x>")
                .message("hi")
                .score(1)
                .build();
        String md = LeadText.render(message(List.of(lead)), LeadText.Style.MARKDOWN, 4096, null)
                .text();
        assertThat(md).doesNotContain("<@x>").doesNotContain("`13812345678`");
    }

    @Test
    void agentWithWecomUserIdIsMentionedInsideTheOneMarkdownMessageOnlyWithASafeId() {
        OutboundMessage one = message(List.of(typical("lead-1", "hi")));
        assertThat(LeadText.render(one, LeadText.Style.MARKDOWN, 4096, "zhangsan")
                        .text())
                .contains("<@zhangsan>");
        assertThat(LeadText.render(one, LeadText.Style.MARKDOWN, 4096, "x>\n# y")
                        .text())
                .doesNotContain("<@x");
        OutboundMessage digest = message(leads(5, id -> typical(id, "hi")));
        String md = LeadText.render(digest, LeadText.Style.MARKDOWN, 4096, "zhangsan")
                .text();
        assertThat(md.split("<@zhangsan>", -1)).hasSize(2); // one mention per digest, not per item
    }

    @Test
    void agentKnownOnlyByMobileGetsOneTextMessageThatMentionsTheMobile() {
        Posted p = wecomText();
        p.channel().send(p.agent(), message(List.of(typical("lead-1", "提醒测试"))));
        assertThat(p.bodies()).hasSize(1);
        assertThat(p.bodies().get(0))
                .contains("\"msgtype\":\"text\"", "\"mentioned_mobile_list\":[\"13912345678\"]", "编号 lead-1");
    }

    @Test
    void truncationNeverSplitsASurrogatePairOrMultibyteCharacter() {
        for (int limit = 1; limit < 40; limit++) {
            String cut = SafeText.truncateUtf8("a😀询b😀😀询询", limit);
            assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Math.max(limit, 3));
            assertThat(cut.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
            assertThat(Character.isHighSurrogate(cut.charAt(Math.max(0, cut.length() - 2)))
                            && cut.length() >= 2
                            && !Character.isLowSurrogate(cut.charAt(cut.length() - 1)))
                    .isFalse();
        }
    }
}
