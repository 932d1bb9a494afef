package cn.zschangfang.site.admin;

import cn.zschangfang.site.admin.Field.Group;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * Between a submitted form and the service's JSON. The site checks what it can say in Chinese at once (required,
 * numbers, ranges, known options) so a typo costs no round trip; the service's own validation remains the authority
 * and its errors are shown at the same fields.
 *
 * @param json what goes to the service: only filled fields, numbers as numbers, lists as arrays
 * @param values what the form shows again (strings, lists for checkboxes)
 * @param errors field → message
 */
record FormValues(Map<String, Object> json, Map<String, Object> values, Map<String, String> errors) {

    static FormValues read(List<Group> groups, MultiValueMap<String, String> params) {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Group group : groups) {
            for (Field f : group.fields()) {
                if (f.kind() == Field.Kind.MULTI) {
                    List<String> checked = params.getOrDefault(f.name(), List.of()).stream()
                            // towns may hold a name outside today's reference list (a merged town): kept as stored
                            .filter(v -> f.options().containsKey(v)
                                    || ("towns".equals(f.name()) && v.length() <= 20 && !v.isBlank()))
                            .distinct()
                            .toList();
                    values.put(f.name(), checked);
                    json.put(f.name(), checked);
                    continue;
                }
                if (f.kind() == Field.Kind.BOOLEAN) {
                    boolean on = params.containsKey(f.name());
                    values.put(f.name(), on ? "true" : "");
                    json.put(f.name(), on);
                    continue;
                }
                String raw = params.getFirst(f.name());
                String value = raw == null ? "" : raw.strip();
                values.put(f.name(), value);
                if (value.isEmpty()) {
                    if (f.required()) {
                        errors.put(f.name(), "必填");
                    }
                    continue;
                }
                switch (f.kind()) {
                    case NUMBER, INTEGER -> number(f, value, json, errors);
                    case SELECT -> {
                        if (f.options().containsKey(value)) {
                            json.put(f.name(), value);
                        } else {
                            errors.put(f.name(), "请选择列表中的一项");
                        }
                    }
                    case LIST ->
                        json.put(
                                f.name(),
                                Arrays.stream(value.split("[,，、;；\\s]+"))
                                        .filter(s -> !s.isBlank())
                                        .distinct()
                                        .toList());
                    default -> {
                        if (f.max() != null && value.length() > Integer.parseInt(f.max())) {
                            errors.put(f.name(), "最多 " + f.max() + " 个字");
                        } else {
                            json.put(f.name(), value);
                        }
                    }
                }
            }
        }
        return new FormValues(json, values, errors);
    }

    private static void number(Field f, String value, Map<String, Object> json, Map<String, String> errors) {
        BigDecimal n;
        try {
            n = new BigDecimal(halfWidth(value).replace(",", ""));
        } catch (NumberFormatException e) {
            errors.put(f.name(), "请输入数字");
            return;
        }
        if (f.kind() == Field.Kind.INTEGER && n.stripTrailingZeros().scale() > 0) {
            errors.put(f.name(), "请输入整数");
            return;
        }
        if ((f.min() != null && n.compareTo(new BigDecimal(f.min())) < 0)
                || (f.max() != null && n.compareTo(new BigDecimal(f.max())) > 0)) {
            errors.put(f.name(), "应在 " + f.min() + " 到 " + f.max() + " 之间");
            return;
        }
        json.put(f.name(), f.kind() == Field.Kind.INTEGER ? (Object) n.intValueExact() : (Object) n.doubleValue());
    }

    /** Full-width digits and the ideographic full stop, as a Chinese IME types them. */
    static String halfWidth(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '０' && c <= '９') {
                out.append((char) (c - '０' + '0'));
            } else if (c == '．' || c == '。') {
                out.append('.');
            } else if (c == '－') {
                out.append('-');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The form's values of a stored record (numbers without a trailing ".0", lists joined with 、). */
    static Map<String, Object> of(List<Group> groups, Map<String, Object> stored) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Group group : groups) {
            for (Field f : group.fields()) {
                Object v = stored == null ? null : stored.get(f.name());
                values.put(f.name(), display(f, v));
            }
        }
        return values;
    }

    private static Object display(Field f, Object v) {
        return switch (f.kind()) {
            case MULTI ->
                v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
            case BOOLEAN -> Boolean.TRUE.equals(v) ? "true" : "";
            case LIST ->
                v instanceof List<?> l
                        ? String.join("、", l.stream().map(String::valueOf).toList())
                        : "";
            case NUMBER, INTEGER -> v instanceof Number n ? plain(n) : v == null ? "" : v.toString();
            default -> v == null ? "" : v.toString();
        };
    }

    static String plain(Number n) {
        return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }

    /** Merges the service's field errors into this form's ({@code a.b[0].c} → the first segment's field). */
    FormValues withServiceErrors(Map<String, String> serviceErrors, Map<String, String> errorAt) {
        Map<String, String> merged = new LinkedHashMap<>(errors);
        List<String> unplaced = new ArrayList<>();
        for (var e : serviceErrors.entrySet()) {
            String field = e.getKey().split("[.\\[]", 2)[0];
            field = errorAt.getOrDefault(field, field);
            if (values.containsKey(field)) {
                merged.putIfAbsent(field, e.getValue());
            } else {
                unplaced.add(e.getKey() + "：" + e.getValue());
            }
        }
        if (!unplaced.isEmpty()) {
            merged.put("_form", String.join("；", unplaced));
        }
        return new FormValues(json, values, merged);
    }
}
