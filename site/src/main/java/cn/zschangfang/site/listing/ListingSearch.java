package cn.zschangfang.site.listing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.util.UriUtils;

/**
 * The filters of {@code /listings}, read leniently from the query string (a value the page cannot have offered, such
 * as {@code minArea=abc}, is dropped rather than answered with an error page). The same names as content-service's
 * listing API, so the page's GET form works without JavaScript and a filtered URL can be shared.
 */
public record ListingSearch(
        String deal,
        String type,
        String town,
        BigDecimal minArea,
        BigDecimal maxArea,
        String areaUnit,
        BigDecimal minRent,
        BigDecimal maxRent,
        BigDecimal minClearHeight,
        BigDecimal minPower,
        String fireClass,
        boolean groundFloor,
        boolean standalone,
        boolean crane,
        String sort,
        int page) {

    static final Set<String> DEALS = Set.of("LEASE", "SALE", "LEASE_OR_SALE");
    static final Set<String> TYPES = Set.of(
            "STANDARD_FACTORY", "STANDALONE_COMPOUND", "WAREHOUSE", "INDUSTRIAL_LAND", "OFFICE", "INDUSTRIAL_PARK");
    static final Set<String> FIRE_CLASSES = Set.of("A", "B", "C", "D", "E");
    static final Set<String> SORTS = Set.of("newest", "area", "rent");
    static final int MAX_PAGE = 100;

    public static ListingSearch from(Map<String, String> p) {
        String unit = "MU".equalsIgnoreCase(p.get("areaUnit")) ? "MU" : "SQM";
        BigDecimal minArea = positive(p.get("minArea"), 100_000_000);
        BigDecimal maxArea = positive(p.get("maxArea"), 100_000_000);
        if (minArea != null && maxArea != null && minArea.compareTo(maxArea) > 0) {
            BigDecimal swap = minArea; // 5000–2000 means 2000–5000
            minArea = maxArea;
            maxArea = swap;
        }
        BigDecimal minRent = positive(p.get("minRent"), 100_000);
        BigDecimal maxRent = positive(p.get("maxRent"), 100_000);
        if (minRent != null && maxRent != null && minRent.compareTo(maxRent) > 0) {
            BigDecimal swap = minRent;
            minRent = maxRent;
            maxRent = swap;
        }
        return new ListingSearch(
                oneOf(p.get("deal"), DEALS),
                oneOf(p.get("type"), TYPES),
                text(p.get("town"), 20),
                minArea,
                maxArea,
                unit,
                minRent,
                maxRent,
                positive(p.get("minClearHeight"), 100),
                whole(positive(p.get("minPower"), 1_000_000)),
                oneOf(p.get("fireClass"), FIRE_CLASSES),
                flag(p.get("groundFloor")),
                flag(p.get("standalone")),
                flag(p.get("crane")),
                "newest".equals(oneOf(p.get("sort"), SORTS)) ? null : oneOf(p.get("sort"), SORTS), // the default
                page(p.get("page")));
    }

    /** The filters as content-service's query parameters (property type is {@code propertyType} there). */
    Map<String, Object> apiParameters() {
        Map<String, Object> q = filters("propertyType", true);
        q.put("sort", sort == null ? "newest" : sort);
        return q;
    }

    /** This search's URL without the page: the same filters always give the same URL, in the same order. */
    public String path() {
        StringBuilder path = new StringBuilder("/listings");
        Map<String, Object> q = filters("type", false);
        put(q, "sort", sort);
        char separator = '?';
        for (Map.Entry<String, Object> e : q.entrySet()) {
            path.append(separator)
                    .append(e.getKey())
                    .append('=')
                    .append(UriUtils.encodeQueryParam(String.valueOf(e.getValue()), StandardCharsets.UTF_8));
            separator = '&';
        }
        return path.toString();
    }

    /**
     * The filters set, in the one order both the API call and the page URL use.
     *
     * @param typeKey the property type's parameter name
     * @param withDefaultUnit whether the default area unit (㎡) is named too: the API is told, a URL stays short
     */
    private Map<String, Object> filters(String typeKey, boolean withDefaultUnit) {
        Map<String, Object> q = new LinkedHashMap<>();
        put(q, "deal", deal);
        put(q, typeKey, type);
        put(q, "town", town);
        put(q, "minArea", plain(minArea));
        put(q, "maxArea", plain(maxArea));
        if ((minArea != null || maxArea != null) && (withDefaultUnit || "MU".equals(areaUnit))) {
            q.put("areaUnit", areaUnit);
        }
        put(q, "minRent", plain(minRent));
        put(q, "maxRent", plain(maxRent));
        put(q, "minClearHeight", plain(minClearHeight));
        put(q, "minPower", plain(minPower));
        put(q, "fireClass", fireClass);
        if (groundFloor) {
            q.put("groundFloor", "true");
        }
        if (standalone) {
            q.put("standalone", "true");
        }
        if (crane) {
            q.put("crane", "true");
        }
        return q;
    }

    /** The same filters in another order, from the first page ({@code newest} is the default, so no parameter). */
    public String withSort(String order) {
        String other = "newest".equals(order) ? null : oneOf(order, SORTS);
        return new ListingSearch(
                        deal,
                        type,
                        town,
                        minArea,
                        maxArea,
                        areaUnit,
                        minRent,
                        maxRent,
                        minClearHeight,
                        minPower,
                        fireClass,
                        groundFloor,
                        standalone,
                        crane,
                        other,
                        1)
                .path();
    }

    /** Whether any filter is set (a filtered list is not a page search engines should list). */
    public boolean filtered() {
        return deal != null
                || type != null
                || town != null
                || minArea != null
                || maxArea != null
                || minRent != null
                || maxRent != null
                || minClearHeight != null
                || minPower != null
                || fireClass != null
                || groundFloor
                || standalone
                || crane;
    }

    /** How many filters are set: the badge on the phone's 筛选 button. */
    public int filterCount() {
        int n = 0;
        for (Object v : new Object[] {deal, type, town, minClearHeight, minPower, fireClass}) {
            n += v == null ? 0 : 1;
        }
        n += minArea != null || maxArea != null ? 1 : 0;
        n += minRent != null || maxRent != null ? 1 : 0;
        n += (groundFloor ? 1 : 0) + (standalone ? 1 : 0) + (crane ? 1 : 0);
        return n;
    }

    public String minAreaText() {
        return plain(minArea);
    }

    public String maxAreaText() {
        return plain(maxArea);
    }

    public String minRentText() {
        return plain(minRent);
    }

    public String maxRentText() {
        return plain(maxRent);
    }

    public String minClearHeightText() {
        return plain(minClearHeight);
    }

    public String minPowerText() {
        return plain(minPower);
    }

    private static void put(Map<String, Object> q, String name, Object value) {
        if (value != null) {
            q.put(name, value);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static String oneOf(String value, Set<String> allowed) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        String upper = v.toUpperCase(java.util.Locale.ROOT);
        if (allowed.contains(upper)) {
            return upper;
        }
        return allowed.contains(v) ? v : null;
    }

    private static String text(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() > max ? v.substring(0, max) : v;
    }

    /** kVA are whole numbers in the listing API: 499.5 means at least 500. */
    private static BigDecimal whole(BigDecimal value) {
        return value == null ? null : value.setScale(0, java.math.RoundingMode.CEILING);
    }

    /** A positive number within the listing API's bounds, else null (the filter is dropped, not a 400 page). */
    private static BigDecimal positive(String value, long max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(value.strip());
            return n.signum() > 0 && n.compareTo(BigDecimal.valueOf(max)) <= 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean flag(String value) {
        return value != null && (value.equals("true") || value.equals("on") || value.equals("1"));
    }

    private static int page(String value) {
        try {
            return value == null ? 1 : Math.min(MAX_PAGE, Math.max(1, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
