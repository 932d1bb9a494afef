package cn.zschangfang.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.notify.channel.wecom.WecomMarkdown;
import cn.zschangfang.notify.intake.LeadCapturedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WecomMarkdownTest {

    static LeadCapturedEvent lead(String message, String company, String phoneMasked) {
        return new LeadCapturedEvent(
                "e",
                Instant.now(),
                "lead-1",
                Instant.now(),
                "LEASE",
                "WAREHOUSE",
                "沙溪镇",
                new LeadCapturedEvent.Range(500.0, 500.0),
                null,
                "仓储",
                12.5,
                company,
                "张*",
                phoneMasked,
                message,
                null,
                null,
                "web",
                70,
                List.of());
    }

    static OutboundMessage one(LeadCapturedEvent lead) {
        return new OutboundMessage(
                "NEW_LEAD",
                List.of(new OutboundMessage.Item(
                        lead, "https://p.example/api/leads/lead-1", "https://p.example/ack/t.s")),
                null,
                "d-1");
    }

    @Test
    void hostileVisitorTextCannotInjectLinksFontTagsMentionsOrHeaders() {
        String hostile = "[click](https://evil.example) <font color=\"warning\">urgent</font> <@all> @all "
                + "![img](x) `code` **b** \n# h1\n> quote &lt;font&gt; https://evil.example/raw";
        String md = WecomMarkdown.render(one(lead(hostile, "<@boss>[co](http://x)", "138****9793")), null);

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
        assertThat(md).contains("[查看询盘](https://p.example/api/leads/lead-1)", "[确认接单](https://p.example/ack/t.s)");
        assertThat(md).contains("`138****9793`", "`张*`", "500 ㎡", "12.5 万元", "仓库");
        // the visitor's words are still readable
        assertThat(md).contains("click", "urgent", "quote");
    }

    @Test
    void maskedPhoneThatIsNotAMaskIsEscapedNotTrusted() {
        String md = WecomMarkdown.render(one(lead("hi", "c", "13812345678`<@x>")), null);
        assertThat(md).doesNotContain("<@x>").doesNotContain("`13812345678`");
    }

    @Test
    void agentWithWecomUserIdIsMentionedInTheMarkdownOnlyWithASafeId() {
        assertThat(WecomMarkdown.render(one(lead("hi", "c", "138****9793")), "zhangsan"))
                .contains("<@zhangsan>");
        assertThat(WecomMarkdown.render(one(lead("hi", "c", "138****9793")), "x>\n# y"))
                .doesNotContain("<@x");
    }

    @Test
    void longMessagesAreCutToTheByteLimitOnACharacterBoundaryKeepingTheLinks() {
        String md = WecomMarkdown.render(one(lead("询".repeat(5000) + "😀".repeat(500), "c", "138****9793")), null);
        byte[] bytes = md.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isLessThanOrEqualTo(WecomMarkdown.MAX_MARKDOWN_BYTES);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(md); // no broken character
        assertThat(md).contains("[确认接单](https://p.example/ack/t.s)").endsWith("…");
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

    @Test
    void digestListsEveryWaitingLeadWithItsOwnLinks() {
        var a = new OutboundMessage.Item(lead("a", "c", "138****9793"), "https://p/api/leads/A", "https://p/ack/A");
        var b = new OutboundMessage.Item(lead("b", "c", "139****0000"), "https://p/api/leads/B", "https://p/ack/B");
        String md = WecomMarkdown.render(new OutboundMessage("DIGEST", List.of(a, b), null, "d"), null);
        assertThat(md)
                .contains(
                        "2 条新询盘",
                        "https://p/api/leads/A",
                        "https://p/ack/A",
                        "https://p/api/leads/B",
                        "https://p/ack/B");
    }

    @Test
    void mentionTextStaysWithinTheTextLimit() {
        String text = WecomMarkdown.mentionText(one(lead("x", "c", "138****9793")));
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(WecomMarkdown.MAX_TEXT_BYTES);
        assertThat(text).contains("沙溪镇", "仓库");
    }
}
