package cn.zschangfang.site.agent;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The lead timeline in Chinese, for templates as {@code ${@timelineText.detail(t.type(), t.detail())}}: lead-service
 * writes some entries as codes, the agent reads words.
 */
@Component("timelineText")
public class TimelineText {

    private final LeadText labels;

    public TimelineText(LeadText labels) {
        this.labels = labels;
    }

    private static final Map<String, String> CHANNEL =
            Map.of("WECOM", "企业微信", "SMS", "短信", "DINGTALK", "钉钉", "FEISHU", "飞书", "SANDBOX", "企业微信");
    private static final Map<String, String> DELIVERY =
            Map.of("SENT", "已送达", "FAILED", "发送失败", "RETRYING", "重试中", "UNKNOWN", "状态未知", "ACKNOWLEDGED", "已确认");
    private static final Map<String, String> PURPOSE =
            Map.of("NEW_LEAD", "新询盘通知", "ESCALATION", "升级通知", "DIGEST", "汇总通知");
    private static final java.util.regex.Pattern STATUS_CHANGE =
            java.util.regex.Pattern.compile("([A-Z_]+) → ([A-Z_]+)(.*)", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern DELIVERY_LINE =
            java.util.regex.Pattern.compile("([A-Z_]+) via ([A-Z_]+) to \\S+: ([A-Z_]+)(?: \\(attempt (\\d+)\\))?.*");
    private static final java.util.regex.Pattern ROUTING = java.util.regex.Pattern.compile("(.*)（([A-Z_]+)）");
    private static final Map<String, String> STRATEGY = Map.of(
            "WEIGHTED_ROUND_ROBIN", "轮询分配",
            "LEAST_OPEN", "按在手量分配",
            "SHARED_POOL", "共享池",
            "BACKUP", "转给备岗",
            "DUTY_MANAGER", "值班经理");

    /**
     * A timeline entry's detail in Chinese where lead-service wrote codes ({@code NEW → NOTIFIED}, {@code NEW_LEAD
     * via WECOM to x: SENT (attempt 1)}); anything else (notes, reasons) as written.
     */
    public String detail(String type, String detail) {
        if (detail == null) {
            return null;
        }
        var m = STATUS_CHANGE.matcher(detail);
        if ("STATUS_CHANGED".equals(type) && m.matches()) {
            return labels.status(m.group(1)) + " → " + labels.status(m.group(2)) + m.group(3);
        }
        m = DELIVERY_LINE.matcher(detail);
        if ("DELIVERY".equals(type) && m.matches()) {
            return PURPOSE.getOrDefault(m.group(1), m.group(1)) + " · " + CHANNEL.getOrDefault(m.group(2), m.group(2))
                    + " · " + DELIVERY.getOrDefault(m.group(3), m.group(3))
                    + (m.group(4) == null ? "" : "（第 " + m.group(4) + " 次）");
        }
        m = ROUTING.matcher(detail);
        if ("ROUTED".equals(type) && m.matches()) {
            return m.group(1) + "（" + STRATEGY.getOrDefault(m.group(2), m.group(2)) + "）";
        }
        if ("CAPTURED".equals(type) && detail.startsWith("score ")) {
            return "初始评分 " + detail.substring(6);
        }
        return detail;
    }

    /** Who did it, for the timeline. */
    public String actor(String actor, String me) {
        if (actor == null) {
            return null;
        }
        if (actor.equals(me)) {
            return "我";
        }
        return switch (actor) {
            case "notify-service", "lead-service" -> "系统";
            case "admin" -> "管理员";
            case "web" -> "网站表单";
            default -> actor;
        };
    }
}
