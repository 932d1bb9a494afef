package cn.zschangfang.site.api;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.springframework.web.util.UriBuilder;

/**
 * Query parameters from what a visitor typed, added as URI variables: the client's builder reads a literal value as a
 * URI template, so a search for {@code {"$gt":""}} failed the page (no value for the variable), and {@code +} or
 * {@code &} would reach the service as something else. As variables, every value is text, encoded whole.
 */
public final class QueryValues {

    private QueryValues() {}

    /** Adds each non-null value as {@code name=value} in the map's order and builds the URI. */
    public static URI build(UriBuilder builder, Map<String, ?> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> {
            if (value != null) {
                String variable = "v" + variables.size();
                builder.queryParam(name, "{" + variable + "}");
                variables.put(variable, value);
            }
        });
        return builder.build(variables);
    }
}
