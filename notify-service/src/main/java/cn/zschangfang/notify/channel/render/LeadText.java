package cn.zschangfang.notify.channel.render;

import cn.zschangfang.notify.channel.OutboundMessage;
import cn.zschangfang.notify.channel.Purpose;
import cn.zschangfang.notify.channel.SafeText;
import cn.zschangfang.notify.lead.Lead;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders messages for every robot channel, as markdown (WeChat Work, DingTalk) or plain text (WeChat Work text,
 * Feishu), within a byte limit by construction: a single lead shortens the visitor's free text and leaves out whole
 * listing lines (source listing, top matches, needs) that would not fit, never a field or link; a digest carries
 * as many whole items as fit and says how many ({@link Rendered#items()}), the caller sends the rest in another
 * message. Nothing is ever cut off the end.
 *
 * <p>Every lead appears as {@value #REF}{@code <leadId>} exactly once per message, the stable reference an agent
 * quotes and a test (or the fault suite) counts. Every visitor-supplied value goes through {@link SafeText#escape}.
 */
public final class LeadText {

    /** The lead reference: this prefix, then the lead id, then a space or a line end. */
    public static final String REF = "编号 ";

    /** Output syntax. */
    public enum Style {
        MARKDOWN,
        PLAIN
    }

    /** The text and how many of the message's items (from the first) it carries. */
    public record Rendered(String text, int items) {}

    private static final Map<String, String> INTENT = Map.of("LEASE", "租赁", "BUY", "购买");
    private static final Map<String, String> TYPE =
            Map.of("FACTORY", "厂房", "LAND", "土地", "WAREHOUSE", "仓库", "OFFICE", "写字楼");
    /** Masked values shown literally only when they are nothing but the expected mask. */
    private static final Pattern PHONE_MASK = Pattern.compile("\\d{3}\\*{4}\\d{4}");

    private static final Pattern NAME_MASK = Pattern.compile("\\p{IsHan}{1,2}\\*{1,3}");
    private static final Pattern SAFE_MENTION = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private LeadText() {}

    /**
     * @param mentionUserId a WeChat Work user id mentioned inside the markdown ({@code <@id>}), or null
     */
    public static Rendered render(OutboundMessage message, Style style, int maxBytes, String mentionUserId) {
        String mention = style == Style.MARKDOWN
                        && mentionUserId != null
                        && SAFE_MENTION.matcher(mentionUserId).matches()
                ? "<@" + mentionUserId + ">\n"
                : "";
        if (message.purpose() == Purpose.LISTING_MATCH) {
            return NoticeText.listingMatch(message, style == Style.MARKDOWN, maxBytes, mention);
        }
        if (message.purpose() == Purpose.TEST) {
            return new Rendered(NoticeText.test(style == Style.MARKDOWN, mention), 0);
        }
        return message.items().size() == 1
                ? new Rendered(single(message, style, maxBytes, mention), 1)
                : digest(message, style, maxBytes, mention);
    }

    /**
     * The lead's fields, then (each whole, in this order of importance, as far as they fit) the source listing, the
     * top matches and the structured needs, then the links, and the visitor's free text in what is left.
     */
    private static String single(OutboundMessage message, Style style, int maxBytes, String mention) {
        OutboundMessage.Item item = message.items().get(0);
        Lead lead = item.lead();
        boolean md = style == Style.MARKDOWN;
        String q = md ? "> " : "";
        StringBuilder head = new StringBuilder();
        String title =
                (message.purpose() == Purpose.ESCALATION ? "【升级】新询盘 " : "新询盘 ") + intent(lead) + ' ' + type(lead);
        head.append(md ? "## " + title : "【" + title + "】").append('\n');
        if (message.note() != null) {
            String note = SafeText.escape(message.note(), 200);
            head.append(md ? "> <font color=\"warning\">" + note + "</font>" : note)
                    .append('\n');
        }
        head.append(q).append(REF).append(lead.leadId()).append('\n');
        StringBuilder fields = new StringBuilder();
        String town = SafeText.escape(lead.town(), 20);
        fields.append(q)
                .append("镇街：")
                .append(md ? "<font color=\"info\">" + town + "</font>" : town)
                .append('\n');
        fields.append(q).append("面积：").append(area(lead)).append('\n');
        fields.append(q).append("用途：").append(SafeText.escape(lead.use(), 60)).append('\n');
        fields.append(q)
                .append("预计年税收：")
                .append(lead.expectedAnnualTaxWan() == null ? "—" : number(lead.expectedAnnualTaxWan()) + " 万元")
                .append('\n');
        fields.append(q)
                .append("公司：")
                .append(SafeText.escape(lead.company(), 60))
                .append('\n');
        fields.append(q)
                .append("联系人：")
                .append(masked(lead.contactNameMasked(), NAME_MASK, md))
                .append("  ")
                .append(masked(lead.phoneMasked(), PHONE_MASK, md))
                .append('\n');
        String score = lead.score() == null ? "—" : String.valueOf(lead.score());
        fields.append(q)
                .append("评分：")
                .append(md ? "<font color=\"warning\">" + score + "</font>" : score)
                .append('\n');
        String leadUrl = message.leadUrl(lead.leadId());
        String links = md
                ? "[确认接单](" + item.ackUrl() + ")  [查看询盘](" + leadUrl + ")\n"
                : "确认接单：" + item.ackUrl() + "\n查看询盘：" + leadUrl + "\n";
        String label = "留言：";
        // what is left for the optional parts once the fixed ones and a little of the visitor's text are in
        int[] left = {maxBytes - bytes(head) - bytes(fields) - bytes(links) - bytes(mention) - bytes(label) - 16};
        String source = fitting(ListingLines.source(message, lead, md), left);
        List<String> matches = new ArrayList<>();
        List<String> candidates = ListingLines.matches(message, lead, md);
        if (!candidates.isEmpty() && fitting(ListingLines.matchesHeading(md), left) != null) {
            for (String line : candidates) {
                if (fitting(line, left) == null) {
                    break;
                }
                matches.add(line);
            }
        }
        String requirements = fitting(ListingLines.requirements(lead, md), left);
        StringBuilder sb = new StringBuilder(head);
        if (source != null) {
            sb.append(source);
        }
        sb.append(fields);
        if (requirements != null) {
            sb.append(requirements);
        }
        if (!matches.isEmpty()) {
            sb.append(ListingLines.matchesHeading(md));
            matches.forEach(sb::append);
        }
        sb.append(links).append(mention);
        // the visitor's free text comes last and gets what is left: the agent reads it in full in the inbox
        int rest = maxBytes - bytes(sb) - bytes(label);
        if (rest > 8) {
            sb.append(label).append(SafeText.truncateUtf8(SafeText.escape(lead.message(), 1000), rest));
        }
        String text = sb.toString().strip();
        // unreachable with bounded fields (see the channel limit tests); never send over the limit all the same
        return bytes(text) <= maxBytes ? text : SafeText.truncateUtf8(text, maxBytes);
    }

    /** {@code part} when it fits in {@code left[0]} bytes (then taken from it), else null. */
    private static String fitting(String part, int[] left) {
        if (part == null || bytes(part) > left[0]) {
            return null;
        }
        left[0] -= bytes(part);
        return part;
    }

    private static Rendered digest(OutboundMessage message, Style style, int maxBytes, String mention) {
        boolean md = style == Style.MARKDOWN;
        String footer = md
                ? "[打开收件箱查看并确认接单](" + message.inboxUrl() + ")\n" + mention
                : "打开收件箱查看并确认接单：" + message.inboxUrl() + "\n";
        // the title is sized for the largest count it could state, so the real one always fits
        int budget = maxBytes - bytes(title(message.items().size(), md)) - bytes(footer);
        List<String> lines = new ArrayList<>();
        int used = 0;
        for (OutboundMessage.Item item : message.items()) {
            String line = line(item.lead(), md);
            if (used + bytes(line) > budget) {
                break;
            }
            lines.add(line);
            used += bytes(line);
        }
        if (lines.isEmpty()) { // a line is a few hundred bytes at most: a channel limit this small is a bug
            throw new IllegalStateException("channel limit " + maxBytes + " B holds no digest line");
        }
        StringBuilder sb = new StringBuilder(title(lines.size(), md));
        lines.forEach(sb::append);
        sb.append(footer);
        return new Rendered(sb.toString().strip(), lines.size());
    }

    private static String title(int count, boolean md) {
        return md ? "## 询盘汇总：" + count + " 条新询盘\n" : "【询盘汇总】" + count + " 条新询盘\n";
    }

    private static String line(Lead lead, boolean md) {
        return (md ? "> " : "") + REF + lead.leadId() + ' ' + SafeText.escape(lead.town(), 20) + ' ' + intent(lead)
                + type(lead) + ' ' + area(lead) + " 评分" + (lead.score() == null ? "—" : lead.score()) + '\n';
    }

    private static String masked(String value, Pattern mask, boolean md) {
        if (value != null && mask.matcher(value).matches()) {
            return md ? "`" + value + "`" : value;
        }
        return SafeText.escape(value, 16);
    }

    private static String intent(Lead lead) {
        return INTENT.getOrDefault(String.valueOf(lead.intent()), SafeText.escape(lead.intent(), 10));
    }

    private static String type(Lead lead) {
        return TYPE.getOrDefault(String.valueOf(lead.propertyType()), SafeText.escape(lead.propertyType(), 10));
    }

    static String area(Lead lead) {
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

    private static String range(Lead.Range r) {
        if (r.min() != null && r.max() != null && !r.min().equals(r.max())) {
            return number(r.min()) + "–" + number(r.max());
        }
        return number(r.min() != null ? r.min() : r.max());
    }

    /** At most 14 characters whatever the value (an absurd area must not crowd out other items). */
    static String number(double d) {
        String s = d == Math.rint(d) && Math.abs(d) < 1e13
                ? String.valueOf((long) d)
                : String.format(Locale.ROOT, "%.1f", d);
        return s.length() <= 14 ? s : s.substring(0, 13) + "…";
    }

    static int bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
