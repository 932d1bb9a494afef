package cn.zschangfang.site.listing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;

/**
 * Query-string values read the forgiving way a public list page wants: anything the page cannot have offered becomes
 * null (the filter is dropped), never an error page.
 */
final class LenientQuery {

    /** A min–max filter; given the wrong way round (5000–2000) it means 2000–5000. */
    record Range(BigDecimal min, BigDecimal max) {

        static Range of(String min, String max, long bound) {
            BigDecimal low = positive(min, bound);
            BigDecimal high = positive(max, bound);
            return low != null && high != null && low.compareTo(high) > 0 ? new Range(high, low) : new Range(low, high);
        }
    }

    private LenientQuery() {}

    /** One of the allowed values, matched as given or upper-cased (the enums are upper case, the sorts are not). */
    static String oneOf(String value, Set<String> allowed) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        String upper = v.toUpperCase(Locale.ROOT);
        if (allowed.contains(upper)) {
            return upper;
        }
        return allowed.contains(v) ? v : null;
    }

    static String text(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() > max ? v.substring(0, max) : v;
    }

    /** A positive number within the listing API's bounds, else null. */
    static BigDecimal positive(String value, long max) {
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

    /** kVA are whole numbers in the listing API: 499.5 means at least 500. */
    static BigDecimal whole(BigDecimal value) {
        return value == null ? null : value.setScale(0, RoundingMode.CEILING);
    }

    /** A checkbox: what browsers and hand-written links send for "on". */
    static boolean flag(String value) {
        return value != null && (value.equals("true") || value.equals("on") || value.equals("1"));
    }

    /** A page number from 1 to {@code max}. */
    static int page(String value, int max) {
        try {
            return value == null ? 1 : Math.min(max, Math.max(1, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** How a number goes back into a URL or a form field: {@code 2000}, not {@code 2.0E+3}. */
    static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
