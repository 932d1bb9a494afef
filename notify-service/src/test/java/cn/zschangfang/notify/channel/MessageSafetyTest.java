package cn.zschangfang.notify.channel;

import static cn.zschangfang.notify.channel.MessageFixtures.ACK;
import static cn.zschangfang.notify.channel.MessageFixtures.INBOX;
import static cn.zschangfang.notify.channel.MessageFixtures.leads;
import static cn.zschangfang.notify.channel.MessageFixtures.message;
import static cn.zschangfang.notify.channel.MessageFixtures.typical;
import static cn.zschangfang.notify.channel.MessageFixtures.wecomText;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.notify.channel.MessageFixtures.Posted;
import cn.zschangfang.notify.channel.render.LeadText;
import cn.zschangfang.notify.lead.Lead;
import cn.zschangfang.notify.support.LeadBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a visitor types cannot turn into markup, links or mentions in an agent's message; the agent is mentioned inside
 * the one message, with a safe id; cutting text never splits a character.
 */
class MessageSafetyTest {

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
