package cn.zschangfang.site.agent;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Chinese labels and formats of lead fields, for templates as {@code ${@leadText.status(lead.status)}}. */
@Component("leadText")
public class LeadText {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(CHINA);
    private static final DateTimeFormatter FULL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);

    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("NEW", "新询盘"),
            Map.entry("ROUTED", "已分配"),
            Map.entry("NOTIFIED", "待确认"),
            Map.entry("ACKNOWLEDGED", "已接单"),
            Map.entry("CONTACTED", "已联系"),
            Map.entry("QUALIFIED", "有意向"),
            Map.entry("WON", "已成交"),
            Map.entry("LOST", "已流失"),
            Map.entry("SPAM", "垃圾信息"),
            Map.entry("DUPLICATE", "重复询盘"));
    private static final Map<String, String> INTENT = Map.of("LEASE", "求租", "BUY", "求购");
    private static final Map<String, String> TYPE =
            Map.of("FACTORY", "厂房", "LAND", "土地", "WAREHOUSE", "仓库", "OFFICE", "写字楼");
    private static final Map<String, String> EVENT = Map.of(
            "CAPTURED", "收到询盘",
            "DUPLICATE_SUBMISSION", "客户重复提交",
            "STATUS_CHANGED", "状态变更",
            "ROUTED", "分配经纪人",
            "DELIVERY", "消息推送",
            "NOTE", "跟进备注",
            "CONTACT_VIEWED", "查看完整联系方式",
            "PERSONAL_DATA_ERASED", "个人信息已删除");

    /** What the agent may move a lead to next (lead-service decides; these are the sensible choices). */
    private static final Map<String, List<String>> NEXT = Map.of(
            "ACKNOWLEDGED", List.of("CONTACTED", "QUALIFIED", "LOST", "SPAM"),
            "CONTACTED", List.of("QUALIFIED", "LOST"),
            "QUALIFIED", List.of("WON", "LOST"));

    public String status(String s) {
        return STATUS.getOrDefault(s, s);
    }

    /** The inbox tab a status belongs to. */
    public static String tab(String s) {
        return switch (s == null ? "" : s) {
            case "NEW", "ROUTED", "NOTIFIED" -> "new";
            case "ACKNOWLEDGED", "CONTACTED", "QUALIFIED" -> "open";
            case "WON" -> "won";
            default -> "closed";
        };
    }

    public String tone(String s) {
        return tab(s);
    }

    public boolean awaitingAck(String s) {
        return "new".equals(tab(s));
    }

    public List<String> next(String s) {
        return NEXT.getOrDefault(s, List.of());
    }

    public String intent(String s) {
        return INTENT.getOrDefault(s, s);
    }

    public String type(String s) {
        return TYPE.getOrDefault(s, s);
    }

    /** What the client is after, as a lead's heading reads it: {@code 求租厂房}. */
    public String wanted(String intent, String propertyType) {
        return intent(intent) + type(propertyType);
    }

    /** The company a lead names; without one the client is a private person. */
    public String company(String company) {
        return company == null || company.isBlank() ? "个人客户" : company;
    }

    public String event(String s) {
        return EVENT.getOrDefault(s, s);
    }

    public String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    public String fullTime(Instant at) {
        return at == null ? "—" : FULL.format(at);
    }

    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** "刚刚", "12 分钟前", "3 小时前", "2 天前". */
    public String age(Instant at) {
        if (at == null) {
            return "—";
        }
        long minutes = Duration.between(at, Instant.now()).toMinutes();
        if (minutes < 1) {
            return "刚刚";
        }
        if (minutes < 60) {
            return minutes + " 分钟前";
        }
        if (minutes < 24 * 60) {
            return minutes / 60 + " 小时前";
        }
        return minutes / (24 * 60) + " 天前";
    }

    /** 张三 → 张*; the full name only after a reveal. */
    public String maskName(String name) {
        if (name == null || name.isBlank()) {
            return "—";
        }
        return name.substring(0, name.offsetByCodePoints(0, 1)) + "*";
    }

    /** 13800138000 → 138****8000. */
    public String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return "—";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    public String area(LeadRecords.Range sqm, LeadRecords.Range mu) {
        if (sqm != null && (sqm.min() != null || sqm.max() != null)) {
            return range(sqm) + " ㎡";
        }
        if (mu != null && (mu.min() != null || mu.max() != null)) {
            return range(mu) + " 亩";
        }
        return "—";
    }

    public String number(Double d) {
        if (d == null) {
            return "—";
        }
        return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.format(Locale.ROOT, "%.1f", d);
    }

    /** Sizes and sums grouped in thousands like the listing pages (3,200 ㎡, 1,200 万元), as the visitor saw them. */
    public String grouped(Double d) {
        if (d == null) {
            return "—";
        }
        return d == Math.rint(d)
                ? String.format(Locale.ROOT, "%,d", d.longValue())
                : String.format(Locale.ROOT, "%,.1f", d);
    }

    public String durationMs(Long ms) {
        if (ms == null) {
            return "—";
        }
        if (ms < 1000) {
            return ms + " 毫秒";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f 秒", ms / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1f 分钟", ms / 60_000.0);
    }

    private String range(LeadRecords.Range r) {
        if (r.min() != null && r.max() != null && !r.min().equals(r.max())) {
            return grouped(r.min()) + "–" + grouped(r.max());
        }
        return grouped(r.min() != null ? r.min() : r.max());
    }

    private static final Map<String, String> FIRE = Map.of("A", "甲类", "B", "乙类", "C", "丙类", "D", "丁类", "E", "戊类");
    private static final Map<String, String> BUDGET_UNIT = Map.of(
            "YUAN_PER_SQM_MONTH", "元/㎡/月",
            "YUAN_PER_SQM_DAY", "元/㎡/天",
            "YUAN_PER_MU_YEAR", "元/亩/年",
            "WAN_TOTAL", "万元（总价）");

    /** One row of the 更多要求 table. */
    public record Need(String label, String value) {}

    /** The inquiry's structured needs as label and value with units; what the visitor left empty is not listed. */
    public List<Need> needs(LeadRecords.Requirements r) {
        List<Need> rows = new java.util.ArrayList<>();
        if (r == null) {
            return rows;
        }
        if (r.minClearHeightM() != null) {
            rows.add(new Need("层高", "≥ " + number(r.minClearHeightM()) + " 米"));
        }
        if (r.minPowerKva() != null) {
            rows.add(new Need("配电", "≥ " + number(r.minPowerKva()) + " kVA"));
        }
        if (r.floor() != null) {
            rows.add(new Need("楼层", "GROUND_ONLY".equals(r.floor()) ? "只限一楼" : "不限"));
        }
        if (r.fireClass() != null) {
            rows.add(new Need("消防（生产类别）", FIRE.getOrDefault(r.fireClass(), r.fireClass())));
        }
        if (r.craneTonnage() != null) {
            rows.add(new Need("行车", number(r.craneTonnage()) + " 吨"));
        }
        if (r.budget() != null && r.budget().amount() != null) {
            rows.add(new Need(
                    "预算",
                    number(r.budget().amount()) + " "
                            + BUDGET_UNIT.getOrDefault(
                                    r.budget().unit(), r.budget().unit())));
        }
        if (r.moveInDate() != null) {
            rows.add(new Need("计划入驻", r.moveInDate()));
        }
        if (r.leaseTermMonths() != null) {
            rows.add(new Need("租期", r.leaseTermMonths() + " 个月"));
        }
        if (r.industry() != null && !r.industry().isBlank()) {
            rows.add(new Need("行业", r.industry()));
        }
        return rows;
    }
}
