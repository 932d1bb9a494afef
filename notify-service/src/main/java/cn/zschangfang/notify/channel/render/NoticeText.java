package cn.zschangfang.notify.channel.render;

import cn.zschangfang.notify.channel.OutboundMessage;
import java.util.List;

/**
 * Messages that are not about one new lead: the listing-match digest ("新房源匹配您的 N 位客户") and the admin's test
 * message. Both fit their channel by construction, like lead messages.
 */
final class NoticeText {

    private NoticeText() {}

    /**
     * The listing (title and link), then each matched lead as {@code 编号 <leadId>} once, as many as fit; the title
     * states the full count and a last line how many more the inbox shows, so a long list is never cut mid-line.
     */
    static LeadText.Rendered listingMatch(OutboundMessage message, boolean md, int maxBytes, String mention) {
        OutboundMessage.ListingMatch match = message.listingMatch();
        List<String> ids = match.leadIds();
        String q = md ? "> " : "";
        String title = "新房源匹配您的 " + ids.size() + " 位客户";
        StringBuilder head = new StringBuilder(md ? "## " + title + "\n" : "【" + title + "】\n");
        head.append(q)
                .append("房源：")
                .append(ListingLines.titled(message, match.title(), match.slug(), match.listingId(), md))
                .append('\n');
        head.append(q).append("以下客户的需求与该房源吻合，请尽快跟进：\n");
        String footer = md ? "[打开收件箱](" + message.inboxUrl() + ")\n" + mention : "收件箱：" + message.inboxUrl() + "\n";
        // room for the "more" line with the largest count it could state
        String moreTemplate = q + "另有 " + ids.size() + " 位客户，请在收件箱查看\n";
        int budget = maxBytes - LeadText.bytes(head) - LeadText.bytes(footer) - LeadText.bytes(moreTemplate);
        StringBuilder lines = new StringBuilder();
        int shown = 0;
        for (String id : ids) {
            String line = q + LeadText.REF + id + '\n';
            if (LeadText.bytes(lines) + LeadText.bytes(line) > budget) {
                break;
            }
            lines.append(line);
            shown++;
        }
        StringBuilder sb = new StringBuilder(head).append(lines);
        if (shown < ids.size()) {
            sb.append(q).append("另有 ").append(ids.size() - shown).append(" 位客户，请在收件箱查看\n");
        }
        sb.append(footer);
        return new LeadText.Rendered(sb.toString().strip(), 1);
    }

    /** A short fixed text, so a failure can only be the channel's configuration. */
    static String test(boolean md, String mention) {
        String body = "这是询盘通知服务发送的测试消息，收到即表示此通知渠道配置正确，无需回复。";
        return md ? "## 测试消息\n> " + body + "\n" + mention : "【测试消息】" + body;
    }
}
