package cn.zschangfang.notify.channel;

import static cn.zschangfang.notify.channel.MessageFixtures.ACK;
import static cn.zschangfang.notify.channel.MessageFixtures.INBOX;
import static cn.zschangfang.notify.channel.MessageFixtures.channels;
import static cn.zschangfang.notify.channel.MessageFixtures.leads;
import static cn.zschangfang.notify.channel.MessageFixtures.longest;
import static cn.zschangfang.notify.channel.MessageFixtures.refs;
import static cn.zschangfang.notify.channel.MessageFixtures.sendAll;
import static cn.zschangfang.notify.channel.MessageFixtures.typical;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.notify.channel.MessageFixtures.Posted;
import cn.zschangfang.notify.lead.Lead;
import cn.zschangfang.notify.support.LeadBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every channel's messages fit its limit by construction, with the longest field values a lead can carry: a single
 * lead shortens only the visitor's text, a digest carries whole items and states their number, and the items that
 * did not fit go into the next message, so every lead appears exactly once.
 */
class MessageFitTest {

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
            List<Lead> burst = leads(100, MessageFixtures::longest);
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
}
