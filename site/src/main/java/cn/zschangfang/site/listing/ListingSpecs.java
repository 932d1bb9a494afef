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

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("RED_BOOK", "红本（国有）"),
            Map.entry("STATE_OWNED", "国有"),
            Map.entry("COLLECTIVE", "集体"),
            Map.entry("GREEN_BOOK", "绿本"),
            Map.entry("NONE", "无证"),
            Map.entry("APPROVED", "已通过"),
            Map.entry("OBTAINABLE", "可办理"),
            Map.entry("NOT_OBTAINABLE", "不可办理"),
            Map.entry("PENDING", "办理中"),
            Map.entry("NOT_REQUIRED", "无需环评"),
            Map.entry("STEEL", "钢结构"),
            Map.entry("CONCRETE", "钢筋混凝土"),
            Map.entry("FRAME", "框架结构"),
            Map.entry("BRICK_CONCRETE", "砖混结构"),
            Map.entry("WAREHOUSING", "仓储用地"),
            Map.entry("DORMITORY", "宿舍"),
            Map.entry("CANTEEN", "食堂"),
            Map.entry("OFFICE", "办公室"),
            Map.entry("PARKING", "停车场"));

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
        add(building, "承重", unit(first("floorLoadTPerSqm", "floorLoadTonsPerSqm", "floorLoad"), 1, " t/㎡"));
        Number power = num("powerKva");
        Number expandable = (Number) first("powerExpandableKva", "powerExpandableToKva", "powerMaxKva");
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
        add(fire, "卸货平台", yesNo(first("loadingDock", "dock")));
        add(fire, "配套", list(first("amenities")));
        if (!land) {
            sections.add(new Section("消防与配套", fire));
        }

        List<Row> title = new ArrayList<>();
        add(title, "产权", word(first("titleType", "propertyTitle", "title_type", "ownership")));
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
        add(terms, "押付方式", str(first("paymentTerms", "depositTerms", "deposit")));
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

    private String height() {
        Object perFloor = first("clearHeightsM", "clearHeightPerFloorM");
        if (perFloor instanceof Collection<?> heights && !heights.isEmpty()) {
            List<String> parts = new ArrayList<>();
            int n = 1;
            for (Object h : heights) {
                if (h instanceof Number number) {
                    parts.add(n + "楼 " + text.number(number, 1) + " m");
                }
                n++;
            }
            return String.join("，", parts);
        }
        return unit(num("clearHeightM"), 1, " m");
    }

    private String fireClass() {
        String c = str("fireHazardClass");
        if (c == null) {
            return null;
        }
        return text.fire(c) + "（可用于" + text.fire(c).charAt(0) + "类及以下生产）";
    }

    private String lift() {
        Object lift = first("freightLift", "freightElevator");
        if (lift instanceof Number tons) {
            return tons.doubleValue() > 0 ? text.number(tons, 1) + " 吨货梯" : "无";
        }
        return yesNo(lift);
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
