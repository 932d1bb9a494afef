package cn.zschangfang.site.admin;

import static cn.zschangfang.site.admin.Field.options;

import cn.zschangfang.site.admin.Field.Group;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.util.MultiValueMap;

/**
 * The agent editor: notify's flat {@code AgentSpec} (the admin API's body) in four groups, plus up to
 * {@value #HOURS_ROWS} working-hours windows ({@code hours[i].days}, {@code hours[i].from}, {@code hours[i].to}).
 */
final class AgentForm {

    static final int HOURS_ROWS = 3;
    static final Map<String, String> PROPERTY_TYPES =
            options("FACTORY", "厂房", "WAREHOUSE", "仓库", "LAND", "土地", "OFFICE", "写字楼");
    static final Map<String, String> INTENTS = options("LEASE", "求租", "BUY", "求购");
    static final Map<String, String> ROLES = options("AGENT", "经纪人", "MANAGER", "值班经理");
    static final Map<String, String> CHANNELS =
            options("WECOM", "企业微信", "DINGTALK", "钉钉", "FEISHU", "飞书", "SMS", "短信", "SANDBOX", "测试机器人");
    static final Map<String, String> DAYS =
            options("MON", "一", "TUE", "二", "WED", "三", "THU", "四", "FRI", "五", "SAT", "六", "SUN", "日");

    private AgentForm() {}

    static List<Group> groups(Map<String, String> towns, Map<String, String> backups) {
        return List.of(
                new Group(
                        "basic",
                        "基本信息",
                        List.of(
                                Field.text("name", "姓名", 50).asRequired(),
                                Field.select("role", "角色", ROLES).asRequired(),
                                Field.select("backup", "备岗（超时未确认时接手）", backups),
                                Field.bool("active", "启用（停用会同时吊销令牌）"))),
                new Group(
                        "channels",
                        "接收渠道",
                        List.of(
                                Field.text("mobile", "手机号", 20).withHint("短信通道和企业微信 @提醒 使用"),
                                Field.text("wecomUserId", "企业微信 UserID", 64),
                                Field.text("wecomWebhook", "企业微信机器人 Webhook", 500)
                                        .asWide(),
                                Field.text("dingtalkWebhook", "钉钉机器人 Webhook", 500)
                                        .asWide(),
                                Field.text("dingtalkSecret", "钉钉加签密钥", 200).withHint("*** 表示保持原密钥"),
                                Field.text("feishuWebhook", "飞书机器人 Webhook", 500)
                                        .asWide(),
                                Field.text("feishuSecret", "飞书签名密钥", 200).withHint("*** 表示保持原密钥"),
                                Field.bool("sms", "短信通知"))),
                new Group(
                        "territory",
                        "负责范围（不选 = 不限）",
                        List.of(
                                Field.multi("towns", "镇街", towns),
                                Field.multi("propertyTypes", "物业类型", PROPERTY_TYPES),
                                Field.multi("intents", "需求类型", INTENTS))),
                new Group(
                        "capacity",
                        "接单能力",
                        List.of(
                                Field.integer("weight", "分配权重", null, "1", "1000")
                                        .withHint("权重越大分到的询盘越多"),
                                Field.integer("maxOpenLeads", "最多未结询盘", "条", "0", "100000")
                                        .withHint("留空 = 不限"))));
    }

    /** The working-hours rows of a form: {@code [{days, from, to}]}, blank rows left out. */
    static List<Map<String, Object>> hours(MultiValueMap<String, String> params, Map<String, String> errors) {
        List<Map<String, Object>> windows = new ArrayList<>();
        for (int i = 0; i < HOURS_ROWS; i++) {
            List<String> days = params.getOrDefault("hours[" + i + "].days", List.of()).stream()
                    .filter(DAYS::containsKey)
                    .distinct()
                    .toList();
            String from = blankToNull(params.getFirst("hours[" + i + "].from"));
            String to = blankToNull(params.getFirst("hours[" + i + "].to"));
            if (days.isEmpty() && from == null && to == null) {
                continue;
            }
            if (days.isEmpty() || from == null || to == null || !time(from) || !time(to)) {
                errors.put("workingHours", "第 " + (i + 1) + " 行：请选择星期并填写开始和结束时间（如 08:30）");
                continue;
            }
            Map<String, Object> window = new LinkedHashMap<>();
            window.put("days", days);
            window.put("from", from);
            window.put("to", to);
            windows.add(window);
        }
        return windows;
    }

    /** The rows as typed, valid or not, to show them again with their error. */
    static List<Map<String, Object>> hoursAsEntered(MultiValueMap<String, String> params) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < HOURS_ROWS; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("days", params.getOrDefault("hours[" + i + "].days", List.of()));
            row.put("from", Objects.requireNonNullElse(params.getFirst("hours[" + i + "].from"), ""));
            row.put("to", Objects.requireNonNullElse(params.getFirst("hours[" + i + "].to"), ""));
            rows.add(row);
        }
        return rows;
    }

    /** Rows to show: the stored windows, then blank rows up to {@value #HOURS_ROWS}. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Object stored) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (stored instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && rows.size() < HOURS_ROWS) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    Object days = m.get("days");
                    row.put(
                            "days",
                            days instanceof List<?> d
                                    ? d.stream()
                                            .map(x -> String.valueOf(x)
                                                    .toUpperCase()
                                                    .substring(
                                                            0,
                                                            Math.min(
                                                                    3,
                                                                    String.valueOf(x)
                                                                            .length())))
                                            .toList()
                                    : List.of());
                    row.put("from", hhmm(m.get("from")));
                    row.put("to", hhmm(m.get("to")));
                    rows.add(row);
                }
            }
        }
        while (rows.size() < HOURS_ROWS) {
            rows.add(Map.of("days", List.of(), "from", "", "to", ""));
        }
        return rows;
    }

    private static String hhmm(Object t) {
        String s = t == null ? "" : t.toString();
        return s.length() >= 5 ? s.substring(0, 5) : s;
    }

    private static boolean time(String s) {
        try {
            LocalTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The spec of a notify answer ({@code {id, agent: {...}}}), flattened: the admin API's body is flat today;
     * should its answer come grouped ({@code channels}, {@code territory}, {@code capacity}), the groups' fields are
     * read as if flat.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(Map<String, Object> view) {
        Object agent = view == null ? null : view.get("agent");
        Map<String, Object> flat =
                new LinkedHashMap<>(agent instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
        for (String group : List.of("channels", "territory", "capacity")) {
            if (flat.get(group) instanceof Map<?, ?> nested) {
                flat.remove(group);
                ((Map<String, Object>) nested).forEach(flat::putIfAbsent);
            }
        }
        return flat;
    }
}
