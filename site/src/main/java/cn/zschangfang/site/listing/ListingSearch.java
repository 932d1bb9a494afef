package cn.zschangfang.site.listing;

import static cn.zschangfang.site.listing.LenientQuery.flag;
import static cn.zschangfang.site.listing.LenientQuery.oneOf;
import static cn.zschangfang.site.listing.LenientQuery.plain;
import static cn.zschangfang.site.listing.LenientQuery.positive;
import static cn.zschangfang.site.listing.LenientQuery.text;
import static cn.zschangfang.site.listing.LenientQuery.whole;

import cn.zschangfang.site.listing.LenientQuery.Range;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.util.UriUtils;

/**
 * The filters of {@code /listings}, read leniently from the query string ({@link LenientQuery}: a value the page
 * cannot have offered, such as {@code minArea=abc}, is dropped rather than answered with an error page). The same
 * names as content-service's listing API, so the page's GET form works without JavaScript and a filtered URL can be
 * shared.
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
        Range area = Range.of(p.get("minArea"), p.get("maxArea"), 100_000_000);
        Range rent = Range.of(p.get("minRent"), p.get("maxRent"), 100_000);
        return new ListingSearch(
                oneOf(p.get("deal"), DEALS),
                oneOf(p.get("type"), TYPES),
                text(p.get("town"), 20),
                area.min(),
                area.max(),
                "MU".equalsIgnoreCase(p.get("areaUnit")) ? "MU" : "SQM",
                rent.min(),
                rent.max(),
                positive(p.get("minClearHeight"), 100),
                whole(positive(p.get("minPower"), 1_000_000)),
                oneOf(p.get("fireClass"), FIRE_CLASSES),
                flag(p.get("groundFloor")),
                flag(p.get("standalone")),
                flag(p.get("crane")),
                nonDefaultSort(p.get("sort")),
                LenientQuery.page(p.get("page"), MAX_PAGE));
    }

    /** The filters as content-service's query parameters (property type is {@code propertyType} there). */
    Map<String, Object> apiParameters() {
        Map<String, Object> q = filters("propertyType", true);
        q.put("sort", sort == null ? "newest" : sort);
        return q;
    }

    /** This search's URL without the page: the same filters always give the same URL, in the same order. */
    public String path() {
        return path(sort);
    }

    /** The same filters in another order, from the first page ({@code newest} is the default, so no parameter). */
    public String withSort(String order) {
        return path(nonDefaultSort(order));
    }

    private String path(String order) {
        StringBuilder path = new StringBuilder("/listings");
        Map<String, Object> q = filters("type", false);
        put(q, "sort", order);
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

    /** Whether any filter is set (a filtered list is not a page search engines should list). */
    public boolean filtered() {
        return filterCount() > 0;
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

    /** A known order other than {@code newest}, the default, which a URL leaves out. */
    private static String nonDefaultSort(String value) {
        String order = oneOf(value, SORTS);
        return "newest".equals(order) ? null : order;
    }

    private static void put(Map<String, Object> q, String name, Object value) {
        if (value != null) {
            q.put(name, value);
        }
    }
}
