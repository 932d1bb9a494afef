package cn.zschangfang.site.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One input of a back-office form, described once so the template, the browser's checks ({@code required}, {@code
 * min}, {@code max}, {@code step}) and the conversion to the service's JSON agree.
 *
 * @param name the service's JSON field name (also the form parameter)
 * @param options value → Chinese label, for {@link Kind#SELECT} and {@link Kind#MULTI}
 */
public record Field(
        String name,
        String label,
        Kind kind,
        String unit,
        Map<String, String> options,
        boolean required,
        String min,
        String max,
        String step,
        String hint,
        boolean wide) {

    public enum Kind {
        TEXT,
        TEXTAREA,
        NUMBER,
        INTEGER,
        SELECT,
        BOOLEAN,
        /** Comma- or 、-separated words → a JSON array of strings. */
        LIST,
        /** Checkboxes → a JSON array of the checked values. */
        MULTI
    }

    static Field text(String name, String label, int maxLength) {
        return new Field(
                name, label, Kind.TEXT, null, Map.of(), false, null, String.valueOf(maxLength), null, null, false);
    }

    static Field number(String name, String label, String unit, String min, String max, String step) {
        return new Field(name, label, Kind.NUMBER, unit, Map.of(), false, min, max, step, null, false);
    }

    static Field integer(String name, String label, String unit, String min, String max) {
        return new Field(name, label, Kind.INTEGER, unit, Map.of(), false, min, max, "1", null, false);
    }

    static Field select(String name, String label, Map<String, String> options) {
        return new Field(name, label, Kind.SELECT, null, options, false, null, null, null, null, false);
    }

    static Field bool(String name, String label) {
        return new Field(name, label, Kind.BOOLEAN, null, Map.of(), false, null, null, null, null, false);
    }

    static Field list(String name, String label, String hint) {
        return new Field(name, label, Kind.LIST, null, Map.of(), false, null, null, null, hint, true);
    }

    static Field multi(String name, String label, Map<String, String> options) {
        return new Field(name, label, Kind.MULTI, null, options, false, null, null, null, null, true);
    }

    static Field textarea(String name, String label, int maxLength) {
        return new Field(
                name, label, Kind.TEXTAREA, null, Map.of(), false, null, String.valueOf(maxLength), null, null, true);
    }

    Field asRequired() {
        return new Field(name, label, kind, unit, options, true, min, max, step, hint, wide);
    }

    Field withHint(String text) {
        return new Field(name, label, kind, unit, options, required, min, max, step, text, wide);
    }

    Field asWide() {
        return new Field(name, label, kind, unit, options, required, min, max, step, hint, true);
    }

    /** Insertion-ordered options from alternating value, label pairs. */
    static Map<String, String> options(String... valueLabel) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < valueLabel.length; i += 2) {
            options.put(valueLabel[i], valueLabel[i + 1]);
        }
        return options;
    }

    /** A named group of fields (one fieldset of the form). */
    public record Group(String id, String title, List<Field> fields) {}
}
