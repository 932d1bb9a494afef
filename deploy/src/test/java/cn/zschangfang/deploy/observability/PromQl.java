package cn.zschangfang.deploy.observability;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression (a Grafana target or an alert rule) selects. Not a full parser: it removes
 * what cannot be a metric name (strings, label matchers, ranges, grouping clauses, numbers and durations, Grafana's
 * variables) and keeps every remaining identifier that is neither a function or aggregation (followed by a
 * parenthesis) nor a keyword. Names are returned as written, suffix included ({@code x_bucket}, {@code x_count}), so
 * they compare directly with the sample names of a scrape.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "offset",
            "bool",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan");
    private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*(=~|!=|!~|=)\\s*\"([^\"]*)\"");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", Pattern.CASE_INSENSITIVE);
    // A number or a duration is consumed whole, so that the "m" of "5m" or the "e" of "1e3" is not read as a name.
    private static final Pattern TOKEN = Pattern.compile(
            "0[xX][0-9a-fA-F]+|\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?(?:ms|[smhdwy])?(?:\\d+(?:ms|[smhdwy]))*"
                    + "|([A-Za-z_:][A-Za-z0-9_:]*)");

    private PromQl() {}

    static Set<String> metricNames(String expr) {
        Set<String> names = new LinkedHashSet<>();
        Matcher byName = NAME_MATCHER.matcher(expr);
        while (byName.find()) {
            if (!byName.group(1).equals("=")) {
                // a regex over names cannot be checked against a scrape: refuse rather than pass silently
                throw new IllegalArgumentException("__name__ matched by " + byName.group(1) + " in: " + expr);
            }
            names.add(byName.group(2));
        }
        String s = expr.replaceAll("\\$__(rate_interval|interval|range)|\\$\\{__(rate_interval|interval|range)}", "5m");
        s = STRING.matcher(s).replaceAll("\"\"");
        s = s.replaceAll("\\$\\{?\\w+}?", " "); // any other Grafana variable: a value, never a name
        s = s.replaceAll("\\{[^}]*}", " ");
        s = s.replaceAll("\\[[^\\]]*]", " ");
        s = GROUPING.matcher(s).replaceAll(" ");
        Matcher token = TOKEN.matcher(s);
        while (token.find()) {
            String name = token.group(1);
            if (name == null || KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            if (nextNonBlank(s, token.end()) == '(') {
                continue; // a function or an aggregation
            }
            names.add(name);
        }
        return names;
    }

    private static char nextNonBlank(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return 0;
    }
}
