package cn.zschangfang.site.listing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The spec table of a listing page, in the order buyers read it (规格, 消防与配套, 产权与环评, 租售条件), each value
 * with its unit. Built from the detail as content-service sends it: a field it does not send (or sends as null) is
 * left out rather than shown as "—", so a land plot has no 层高 row and a warehouse no 土地性质 row unless known.
 */
public final class ListingSpecs {

    public record Row(String label, String value) {}

    public record Section(String title, List<Row> rows) {}

    /** Chinese labels of content-service's enum values (model/*.java on the listings branch). */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("RED_BOOK", "红本"),
            Map.entry("COLLECTIVE", "集体"),
            Map.entry("CONTRACT_ONLY", "仅租赁合同"),
            Map.entry("OTHER", "其他"),
            Map.entry("APPROVED", "已有环评"),
            Map.entry("OBTAINABLE", "可办环评"),
            Map.entry("NOT_OBTAINABLE", "不可办环评"),
            Map.entry("UNKNOWN", "未知"),
            Map.entry("STEEL_FRAME", "钢结构"),
            Map.entry("REINFORCED_CONCRETE", "钢筋混凝土框架"),
            Map.entry("BRICK_CONCRETE", "砖混"),
            Map.entry("GRADE_1", "一级"),
            Map.entry("GRADE_2", "二级"),
            Map.entry("GRADE_3", "三级"),
            Map.entry("GRADE_4", "四级"),
            Map.entry("M0", "M0 新型产业用地"),
            Map.entry("M1", "M1 一类工业用地"),
            Map.entry("M2", "M2 二类工业用地"),
            Map.entry("M3", "M3 三类工业用地"),
            Map.entry("WAREHOUSING", "仓储用地"),
            Map.entry("DORMITORY", "宿舍"),
            Map.entry("CANTEEN", "食堂"),
            Map.entry("OFFICE", "办公"),
            Map.entry("PARKING", "停车"));

    private final Map<String, Object> l;
    private final ListingText text;

    ListingSpecs(Map<String, Object> listing, ListingText text) {
        this.l = listing;
        this.text = text;
    }

    List<Section> sections() {
        boolean land = "INDUSTRIAL_LAND".equals(l.get("propertyType"));
        List<Section> sections = new ArrayList<>();

        List<Row> basic = new ArrayList<>();
        add(basic, "类型", text.type(str("propertyType")));
        add(basic, "租售", text.deal(str("deal")));
        String mode = text.leaseMode(str("leaseMode"));
        Number divisible = num("minDivisibleSqm");
        add(basic, "租赁方式", mode.isEmpty() ? null : mode + (divisible == null ? "" : "，最小 " + text.sqm(divisible)));
        add(basic, "镇街", str("town"));
        add(basic, "园区", str("park"));
        add(
                basic,
                "建筑面积",
                num("buildingAreaTotal") == null
                        ? null
                        : text.sqm(num("buildingAreaTotal")) + "（约 " + text.mu(num("buildingAreaTotal")) + "）");
        add(basic, "实用面积", num("usableArea") == null ? null : text.sqm(num("usableArea")));
        add(
                basic,
                "占地面积",
                num("lotSizeArea") == null
                        ? null
                        : text.mu(num("lotSizeArea")) + "（" + text.sqm(num("lotSizeArea")) + "）");
        sections.add(new Section("基本信息", basic));

        List<Row> building = new ArrayList<>();
        add(building, "建筑形式", text.form(str("buildingForm")));
        add(building, "所在楼层", text.floor(num("floor"), num("floorsTotal")));
        add(building, "结构", word(first("structure", "constructionType")));
        add(building, "层高", height());
        add(building, "承重", floorLoad());
        Number power = num("powerKva");
        Number expandable = (Number) first("powerExpandableToKva", "powerExpandableKva");
        add(
                building,
                "配电",
                power == null
                        ? null
                        : text.number(power, 0) + " kVA"
                                + (expandable == null ? "" : "（可增容至 " + text.number(expandable, 0) + " kVA）"));
        if (!land) {
            sections.add(new Section("建筑规格", building));
        }

        List<Row> fire = new ArrayList<>();
        add(fire, "消防等级", fireClass());
        add(fire, "耐火等级", word(first("fireResistanceGrade", "fireResistance")));
        add(fire, "喷淋", yesNo(first("sprinklers", "sprinkler")));
        Number crane = (Number) first("craneTonnage", "craneTons");
        add(fire, "行车", crane == null ? null : crane.doubleValue() > 0 ? text.number(crane, 1) + " 吨" : "无");
        add(fire, "货梯", lift());
        add(fire, "卸货平台", yesNo(first("dock", "loadingDock")));
        add(fire, "配套", list(first("amenities")));
        if (!land) {
            sections.add(new Section("消防与配套", fire));
        }

        List<Row> title = new ArrayList<>();
        add(title, "产权", word(first("titleType")));
        add(title, "土地性质", word(first("landUse", "landUseType")));
        Number term = (Number) first("remainingTermYears", "landRemainingYears");
        add(title, "剩余年限", term == null ? null : text.number(term, 0) + " 年");
        add(title, "环评", word(first("eiaStatus", "eia")));
        add(title, "可进行业", list(first("allowedIndustries")));
        add(title, "禁入行业", list(first("forbiddenIndustries")));
        sections.add(new Section("产权与环评", title));

        List<Row> terms = new ArrayList<>();
        Number amount = num("leaseAmount");
        if (amount != null) {
            String rent = text.number(amount, 2) + " " + text.rentUnit(str("leaseAmountFrequency"));
            Number normalized = num("rentYuanPerSqmMonth");
            if (normalized != null && !"YUAN_PER_SQM_MONTH".equals(str("leaseAmountFrequency"))) {
                rent += "（约 " + text.number(normalized, 1) + " 元/㎡/月）";
            }
            add(terms, "租金", rent);
        }
        add(terms, "税费", included(first("taxIncluded"), "含税", "不含税"));
        add(terms, "物业费", included(first("propertyFeeIncluded"), "已含在租金内", "另计"));
        add(terms, "押付方式", payment());
        Number fee = (Number) first("propertyFeeYuanPerSqmMonth");
        add(terms, "物业费标准", fee == null ? null : text.number(fee, 2) + " 元/㎡/月");
        Number freeDays = (Number) first("rentFreeDays");
        add(terms, "免租期", freeDays == null ? null : text.number(freeDays, 0) + " 天");
        Number minTerm = (Number) first("minLeaseTermMonths", "minTermMonths");
        add(terms, "最短租期", minTerm == null ? null : text.number(minTerm, 0) + " 个月");
        Number price = num("listPriceWan");
        add(terms, "售价", price == null ? null : ListingText.grouped(price.doubleValue(), 0) + " 万元");
        sections.add(new Section("租售条件", terms));

        sections.removeIf(s -> s.rows().isEmpty());
        return sections;
    }

    /** One height, or each floor's of a multi-storey building ({@code floorSpecs}): 1楼 8 m，2楼 5.5 m. */
    private String height() {
        String perFloor = perFloor("clearHeightM", " m");
        return perFloor != null ? perFloor : unit(num("clearHeightM"), 1, " m");
    }

    private String floorLoad() {
        String perFloor = perFloor("floorLoadTonsPerSqm", " t/㎡");
        return perFloor != null ? perFloor : unit(num("floorLoadTonsPerSqm"), 1, " t/㎡");
    }

    private String perFloor(String key, String unitText) {
        if (!(l.get("floorSpecs") instanceof Collection<?> floors) || floors.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Object f : floors) {
            if (f instanceof Map<?, ?> floor && floor.get(key) instanceof Number n) {
                parts.add(floor.get("floor") + "楼 " + text.number(n, 1) + unitText);
            }
        }
        return parts.isEmpty() ? null : String.join("，", parts);
    }

    /** 押二付三 from depositMonths and paymentIntervalMonths. */
    private String payment() {
        Number deposit = (Number) first("depositMonths");
        Number interval = (Number) first("paymentIntervalMonths");
        if (deposit == null && interval == null) {
            return null;
        }
        return (deposit == null ? "" : "押" + chinese(deposit.intValue()))
                + (interval == null ? "" : "付" + chinese(interval.intValue()));
    }

    private static String chinese(int n) {
        String[] digits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};
        return n >= 0 && n < digits.length ? digits[n] : String.valueOf(n);
    }

    private String fireClass() {
        String c = str("fireHazardClass");
        if (c == null) {
            return null;
        }
        return text.fire(c) + "（可用于" + text.fire(c).charAt(0) + "类及以下生产）";
    }

    private String lift() {
        Number tons = (Number) first("freightLiftTons");
        if (tons != null && tons.doubleValue() > 0) {
            return text.number(tons, 1) + " 吨货梯";
        }
        return yesNo(first("freightLift"));
    }

    private String unit(Object value, int scale, String unit) {
        return value instanceof Number n ? text.number(n, scale) + unit : null;
    }

    private static String yesNo(Object value) {
        if (value instanceof Boolean b) {
            return b ? "有" : "无";
        }
        return value == null ? null : String.valueOf(value);
    }

    private static String included(Object value, String yes, String no) {
        return value instanceof Boolean b ? (b ? yes : no) : null;
    }

    private static String word(Object value) {
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value);
        return WORDS.getOrDefault(s, s);
    }

    private static String list(Object value) {
        if (value instanceof Collection<?> items) {
            List<String> words = items.stream().map(ListingSpecs::word).toList();
            return words.isEmpty() ? null : String.join("、", words);
        }
        if (value instanceof Map<?, ?> flags) {
            List<String> words = new ArrayList<>();
            flags.forEach((k, v) -> {
                if (Boolean.TRUE.equals(v)) {
                    words.add(word(String.valueOf(k).toUpperCase(java.util.Locale.ROOT)));
                }
            });
            return words.isEmpty() ? null : String.join("、", words);
        }
        return value == null ? null : String.valueOf(value);
    }

    private Object first(String... keys) {
        for (String key : keys) {
            Object v = l.get(key);
            if (v != null && !(v instanceof String s && s.isBlank())) {
                return v;
            }
        }
        return null;
    }

    private String str(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private String str(String key) {
        return str(l.get(key));
    }

    private Number num(String key) {
        return l.get(key) instanceof Number n ? n : null;
    }

    private static void add(List<Row> rows, String label, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(new Row(label, value));
        }
    }
}
