package cn.zschangfang.site.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service's RFC 9457 refusal says, as the site shows it: its {@code detail} and its {@code errors[].field →
 * message} (the services write both in Chinese for visitors and agents). A body that is not a problem document (a
 * proxy's page) reads as neither.
 */
public record ProblemFields(String detail, Map<String, String> fieldMessages) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ProblemFields {
        // in the service's order: the first message shown is the first field it named
        fieldMessages = Collections.unmodifiableMap(new LinkedHashMap<>(fieldMessages));
    }

    /** The first message per field, in the order the service named them; "取值无效" for a field without one. */
    public static ProblemFields of(RestClientResponseException refusal) {
        Map<String, String> fields = new LinkedHashMap<>();
        String detail = null;
        try {
            JsonNode body = JSON.readTree(refusal.getResponseBodyAsString());
            if (body != null && body.isObject()) {
                detail = text(body.get("detail"));
                JsonNode errors = body.get("errors");
                if (errors != null && errors.isArray()) {
                    for (JsonNode error : errors) {
                        String field = text(error.get("field"));
                        String message = text(error.get("message"));
                        if (field != null) {
                            fields.putIfAbsent(field, message == null ? "取值无效" : message);
                        }
                    }
                }
            }
        } catch (RuntimeException unreadable) {
            // not a problem document: the caller's status alone says enough
        }
        return new ProblemFields(detail, fields);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
