package cn.zschangfang.site.listing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Chinese labels of the listing contract's enums and the units people read: 面积 in ㎡ and 亩, 租金 in 元/㎡/月, 售价
 * in 万元. Templates reach it as {@code ${@listingText.type(l.propertyType)}}.
 */
@Component("listingText")
public class ListingText {

    /** 1 亩 in ㎡, as the listing contract defines it. */
    public static final double SQM_PER_MU = 666.67;

    /** Also the back office's listing editor's labels: a listing reads the same there as on its page. */
    public static final Map<String, String> DEAL = ordered("LEASE", "出租", "SALE", "出售", "LEASE_OR_SALE", "租售");

    public static final Map<String, String> TYPE = ordered(
            "STANDARD_FACTORY", "标准厂房",
            "STANDALONE_COMPOUND", "独门独院",
            "WAREHOUSE", "仓库",
            "INDUSTRIAL_LAND", "工业用地",
            "OFFICE", "写字楼",
            "INDUSTRIAL_PARK", "园区");
    static final Map<String, String> FIRE = ordered("A", "甲类", "B", "乙类", "C", "丙类", "D", "丁类", "E", "戊类");
    static final Map<String, String> FORM = ordered("SINGLE_STOREY", "单层", "MULTI_STOREY", "多层");
    static final Map<String, String> LEASE_MODE = ordered("WHOLE", "整租", "DIVISIBLE", "可分租");
    public static final Map<String, String> RENT_UNIT =
            ordered("YUAN_PER_SQM_MONTH", "元/㎡/月", "YUAN_PER_SQM_DAY", "元/㎡/天", "YUAN_PER_MU_YEAR", "元/亩/年");
    static final Map<String, String> SORT = ordered("newest", "最新发布", "area", "面积从小到大", "rent", "租金从低到高");

    public record Option(String value, String label) {}

    public List<Option> deals() {
        return options(DEAL);
    }

    public List<Option> types() {
        return options(TYPE);
    }

    public List<Option> fireClasses() {
        return options(FIRE);
    }

    public List<Option> sorts() {
        return options(SORT);
    }

    public String deal(String value) {
        return label(DEAL, value);
    }

    public String type(String value) {
        return label(TYPE, value);
    }

    public String fire(String value) {
        return label(FIRE, value);
    }

    public String form(String value) {
        return label(FORM, value);
    }

    public String leaseMode(String value) {
        return label(LEASE_MODE, value);
    }

    public String rentUnit(String value) {
        return label(RENT_UNIT, value);
    }

    /** The inquiry form's property type for a listing's type (the contract's mapping). */
    public String leadType(String propertyType) {
        return switch (propertyType == null ? "" : propertyType) {
            case "WAREHOUSE" -> "WAREHOUSE";
            case "INDUSTRIAL_LAND" -> "LAND";
            case "OFFICE" -> "OFFICE";
            default -> "FACTORY";
        };
    }

    /** The inquiry form's intent for a deal: a listing for sale is inquired about by buyers. */
    public String leadIntent(String deal) {
        return "SALE".equals(deal) ? "BUY" : "LEASE";
    }

    /** {@code 3,200 ㎡}; null is an empty string. */
    public String sqm(Number sqm) {
        return sqm == null ? "" : grouped(sqm.doubleValue(), 0) + " ㎡";
    }

    /** {@code 12.5 亩} from ㎡. */
    public String mu(Number sqm) {
        return sqm == null ? "" : decimal(sqm.doubleValue() / SQM_PER_MU, 1) + " 亩";
    }

    /** The area as a plot is described (亩 first, ㎡ after) or as a building (㎡). */
    public String area(Number sqm, boolean land) {
        if (sqm == null) {
            return "面积面议";
        }
        return land ? mu(sqm) + "（" + sqm(sqm) + "）" : sqm(sqm);
    }

    /** Rent normalized to 元/㎡/月, or the sale price in 万元, as a list card's price line. */
    public String price(ListingRecords.Summary l) {
        return price(l.deal(), l.rentYuanPerSqmMonth(), l.listPriceWan());
    }

    /** The same line from its parts (a listing page reads the detail as a map, not as a summary). */
    String price(String deal, Double rentYuanPerSqmMonth, Double listPriceWan) {
        if (rentYuanPerSqmMonth != null && !"SALE".equals(deal)) {
            return decimal(rentYuanPerSqmMonth, 1) + " 元/㎡/月";
        }
        if (listPriceWan != null) {
            return grouped(listPriceWan, 0) + " 万元";
        }
        return "价格面议";
    }

    public String number(Number n, int scale) {
        return n == null ? "" : decimal(n.doubleValue(), scale);
    }

    /** 第 2 层 / 共 4 层, 1 层 for a single-storey building. */
    public String floor(Number floor, Number floorsTotal) {
        if (floor == null && floorsTotal == null) {
            return "";
        }
        if (floor == null) {
            return "共 " + floorsTotal.intValue() + " 层";
        }
        return floorsTotal == null
                ? floor.intValue() + " 层"
                : floor.intValue() + " 层 / 共 " + floorsTotal.intValue() + " 层";
    }

    static String decimal(double value, int scale) {
        return BigDecimal.valueOf(value)
                .setScale(scale, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    static String grouped(double value, int scale) {
        return String.format("%,." + scale + "f", value);
    }

    private static String label(Map<String, String> labels, String value) {
        return value == null ? "" : labels.getOrDefault(value, value);
    }

    private static List<Option> options(Map<String, String> labels) {
        return labels.entrySet().stream()
                .map(e -> new Option(e.getKey(), e.getValue()))
                .toList();
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
