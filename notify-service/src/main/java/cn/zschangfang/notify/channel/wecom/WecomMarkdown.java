package cn.zschangfang.notify.channel.wecom;

import cn.zschangfang.notify.channel.OutboundMessage;
import cn.zschangfang.notify.channel.SafeText;
import cn.zschangfang.notify.intake.LeadCapturedEvent;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a lead as WeChat Work robot markdown (≤ 4,096 UTF-8 bytes). Every visitor-supplied value goes through
 * {@link SafeText#escape}; the visitor's free-text message comes last so truncation never cuts the links.
 */
public final class WecomMarkdown {

    public static final int MAX_MARKDOWN_BYTES = 4096;
    public static final int MAX_TEXT_BYTES = 2048;

    private static final Map<String, String> INTENT = Map.of("LEASE", "租赁", "BUY", "购买");
    private static final Map<String, String> TYPE =
            Map.of("FACTORY", "厂房", "LAND", "土地", "WAREHOUSE", "仓库", "OFFICE", "写字楼");

    /** Masked values shown literally (inline code) only when they are nothing but the expected mask. */
    private static final java.util.regex.Pattern PHONE_MASK = java.util.regex.Pattern.compile("\\d{3}\\*{4}\\d{4}");

    private static final java.util.regex.Pattern NAME_MASK = java.util.regex.Pattern.compile("\\p{IsHan}{1,2}\\*{1,3}");

    private WecomMarkdown() {}

    private static String masked(String value, java.util.regex.Pattern mask) {
        return value != null && mask.matcher(value).matches() ? "`" + value + "`" : SafeText.escape(value, 16);
    }

    public static String render(OutboundMessage message, String mentionUserId) {
        StringBuilder sb = new StringBuilder();
        if (message.items().size() == 1) {
            OutboundMessage.Item item = message.items().get(0);
            LeadCapturedEvent lead = item.lead();
            sb.append("escalation".equalsIgnoreCase(message.purpose()) ? "## 【升级】新询盘 " : "## 新询盘 ")
                    .append(intent(lead))
                    .append(' ')
                    .append(type(lead))
                    .append('\n');
            if (message.note() != null) {
                sb.append("> <font color=\"warning\">")
                        .append(SafeText.escape(message.note(), 200))
                        .append("</font>\n");
            }
            sb.append("> 镇街：<font color=\"info\">")
                    .append(SafeText.escape(lead.town(), 20))
                    .append("</font>\n");
            sb.append("> 面积：").append(area(lead)).append('\n');
            sb.append("> 用途：").append(SafeText.escape(lead.use(), 60)).append('\n');
            sb.append("> 预计年税收：")
                    .append(lead.expectedAnnualTaxWan() == null ? "—" : number(lead.expectedAnnualTaxWan()) + " 万元")
                    .append('\n');
            sb.append("> 公司：").append(SafeText.escape(lead.company(), 60)).append('\n');
            sb.append("> 联系人：")
                    .append(masked(lead.contactNameMasked(), NAME_MASK))
                    .append("  ")
                    .append(masked(lead.phoneMasked(), PHONE_MASK))
                    .append('\n');
            sb.append("> 评分：<font color=\"warning\">")
                    .append(lead.score() == null ? "—" : lead.score())
                    .append("</font>\n");
            sb.append("[查看询盘](")
                    .append(item.leadUrl())
                    .append(")  [确认接单](")
                    .append(item.ackUrl())
                    .append(")\n");
            if (mentionUserId != null && mentionUserId.matches("[A-Za-z0-9._@-]{1,64}")) {
                sb.append("<@").append(mentionUserId).append(">\n");
            }
            sb.append("留言：").append(SafeText.escape(lead.message(), 1000));
        } else {
            sb.append("## 询盘汇总：").append(message.items().size()).append(" 条新询盘\n");
            for (OutboundMessage.Item item : message.items()) {
                LeadCapturedEvent lead = item.lead();
                sb.append("> ")
                        .append(SafeText.escape(lead.town(), 20))
                        .append(' ')
                        .append(intent(lead))
                        .append(type(lead))
                        .append(' ')
                        .append(area(lead))
                        .append(" 评分")
                        .append(lead.score() == null ? "—" : lead.score())
                        .append(" [查看](")
                        .append(item.leadUrl())
                        .append(") [确认](")
                        .append(item.ackUrl())
                        .append(")\n");
            }
        }
        return SafeText.truncateUtf8(sb.toString(), MAX_MARKDOWN_BYTES);
    }

    /** The short text that pings an agent by mobile after the markdown (markdown cannot mention by mobile). */
    public static String mentionText(OutboundMessage message) {
        LeadCapturedEvent lead = message.items().get(0).lead();
        String text = "新询盘：" + SafeText.escape(lead.town(), 20) + intent(lead) + type(lead) + "，请查看上方消息并确认接单";
        return SafeText.truncateUtf8(text, MAX_TEXT_BYTES);
    }

    static String intent(LeadCapturedEvent lead) {
        return INTENT.getOrDefault(String.valueOf(lead.intent()), SafeText.escape(lead.intent(), 10));
    }

    static String type(LeadCapturedEvent lead) {
        return TYPE.getOrDefault(String.valueOf(lead.propertyType()), SafeText.escape(lead.propertyType(), 10));
    }

    static String area(LeadCapturedEvent lead) {
        if (lead.areaSqm() != null
                && (lead.areaSqm().min() != null || lead.areaSqm().max() != null)) {
            return range(lead.areaSqm()) + " ㎡";
        }
        if (lead.areaMu() != null
                && (lead.areaMu().min() != null || lead.areaMu().max() != null)) {
            return range(lead.areaMu()) + " 亩";
        }
        return "—";
    }

    private static String range(LeadCapturedEvent.Range r) {
        if (r.min() != null && r.max() != null && !r.min().equals(r.max())) {
            return number(r.min()) + "–" + number(r.max());
        }
        return number(r.min() != null ? r.min() : r.max());
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
