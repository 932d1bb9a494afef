package cn.zschangfang.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.notify.channel.render.LeadText;
import cn.zschangfang.notify.lead.Lead;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listing-match digest and the test message fit every channel; listing titles and slugs stay inert. */
class ListingMessageTest {

    private static final String INBOX = "https://portal.example/agent";

    private static OutboundMessage match(String title, String slug, List<String> leadIds) {
        return new OutboundMessage(
                Purpose.LISTING_MATCH,
                List.of(),
                null,
                "d-1",
                INBOX,
                "https://portal.example",
                new OutboundMessage.ListingMatch("lst-1", slug, title, leadIds));
    }

    private static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.format("%08d", i) + "-9cb-469f-a165-70867728950e");
        }
        return ids;
    }

    @Test
    void digestNamesTheListingWithItsLinkAndEachLeadOnceWithTheCountInTheTitle() {
        for (MessageFixtures.Posted p : MessageFixtures.channels()) {
            p.channel().send(p.agent(), match("火炬开发区 单层标准厂房 3000㎡", "torch-3000", ids(3)));
            String text = p.content().apply(p.bodies().get(0));
            assertThat(text)
                    .contains(
                            "新房源匹配您的 3 位客户", "火炬开发区 单层标准厂房 3000㎡", "https://portal.example/listings/torch-3000", INBOX)
                    .doesNotContain("另有");
            assertThat(MessageFixtures.refs(text)).containsExactlyElementsOf(ids(3));
        }
    }

    @Test
    void digestOfFiveHundredLeadsFitsEveryChannelNamingWholeIdsAndHowManyMoreTheInboxShows() {
        for (MessageFixtures.Posted p : MessageFixtures.channels()) {
            p.channel().send(p.agent(), match("厂".repeat(5000), "s-" + "x".repeat(190), ids(500)));
            String text = p.content().apply(p.bodies().get(0));
            assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(p.limit());
            List<String> shown = MessageFixtures.refs(text);
            assertThat(shown).isNotEmpty().containsExactlyElementsOf(ids(500).subList(0, shown.size()));
            assertThat(text).contains("新房源匹配您的 500 位客户", "另有 " + (500 - shown.size()) + " 位客户", INBOX);
        }
    }

    @Test
    void hostileListingTitleAndSlugCannotInjectLinksOrMarkup() {
        String md = LeadText.render(
                        match("[赢](https://evil.example) <@all> **x**", "a) [b](https://evil.example", ids(1)),
                        LeadText.Style.MARKDOWN,
                        4096,
                        null)
                .text();
        assertThat(md).doesNotContain("](https://evil", "<@all>", "**x**");
        assertThat(md).contains("https://portal.example/listings/a%29%20%5Bb%5D%28https%3A%2F%2Fevil.example)");
        assertThat(md.split("\\]\\(")).hasSize(3); // the listing and the inbox
    }

    @Test
    void smsCarriesNoListingMatchButEveryRobotDoes() {
        var sms = new cn.zschangfang.notify.channel.sms.AliyunSmsChannel(
                cn.zschangfang.notify.support.TestProperties.notify(java.util.Map.of()));
        assertThat(sms.carries(Purpose.LISTING_MATCH)).isFalse();
        assertThat(sms.carries(Purpose.NEW_LEAD)).isTrue();
        assertThat(sms.carries(Purpose.TEST)).isTrue();
        for (MessageFixtures.Posted p : MessageFixtures.channels()) {
            assertThat(p.channel().carries(Purpose.LISTING_MATCH)).isTrue();
        }
    }

    @Test
    void testMessageSaysTestAndNamesNoLead() {
        for (MessageFixtures.Posted p : MessageFixtures.channels()) {
            p.channel()
                    .send(
                            p.agent(),
                            new OutboundMessage(
                                    Purpose.TEST, List.of(), null, "t-1", INBOX, "https://portal.example", null));
            String text = p.content().apply(p.bodies().get(0));
            assertThat(text).contains("测试消息");
            assertThat(MessageFixtures.refs(text)).isEmpty();
        }
    }

    @Test
    void leadWithoutListingDataRendersAsBeforeWithItsLeadPageLink() {
        Lead lead = MessageFixtures.typical("lead-9", "hi");
        String md = LeadText.render(
                        new OutboundMessage(
                                Purpose.NEW_LEAD,
                                List.of(new OutboundMessage.Item(lead, "https://a/ack/x")),
                                null,
                                "d",
                                INBOX),
                        LeadText.Style.MARKDOWN,
                        4096,
                        null)
                .text();
        assertThat(md).doesNotContain("匹配房源", "来源房源", "要求：").contains("[查看询盘](" + INBOX + "/leads/lead-9)");
    }
}
