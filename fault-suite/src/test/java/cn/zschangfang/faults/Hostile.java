package cn.zschangfang.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of what a hostile or careless client sends: wrong types, huge strings, deep nesting, invalid
 * UTF-8, control and bidi characters, emoji, full-width digits, script tags, markdown/link/mention injection and
 * MongoDB operator keys, in any field, path segment and query parameter.
 *
 * <p>Nothing generated names a real host: notify-service only calls loopback robots in the suite anyway.
 */
final class Hostile {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> NASTY = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "[点我](javascript:alert(1))",
            "[查看询盘](http://127.0.0.1:1/phish)",
            "<@all> @all <@13800138000>",
            "<font color=\"warning\">紧急</font>",
            "# 标题\n> 引用\n```\ncode\n```",
            "\u202Eevil\u202C",
            "\u200B\u200C\u200D\uFEFF",
            "\u0000",
            "\u0007\u0008\u001B[31m",
            "\r\nX-Injected: 1\r\n",
            "１３９１２３４５６７８",
            "＋８６ １３９－１２３４－５６７８",
            "😀😃🏭🏗️👨‍👩‍👧‍👦",
            "${jndi:ldap://127.0.0.1:1/a}",
            "{{7*7}}",
            "' OR '1'='1",
            "../../../../etc/passwd",
            "%00%2e%2e%2f",
            "$where",
            "$gt",
            "{\"$gt\":\"\"}",
            "this.phone != ''",
            "=HYPERLINK(\"http://127.0.0.1:1\",\"x\")",
            "+SUM(1,1)",
            "-1",
            "@SUM(1)",
            "NaN",
            "Infinity",
            "\uD800",
            "中山市沙溪镇",
            "沙溪");

    private Hostile() {}

    /** A hostile string: a known nasty value, random Unicode (any plane), control characters, or huge. */
    static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(NASTY)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(
                        2,
                        Arbitraries.strings().withCharRange('\u0000', '\u001F').ofMaxLength(10)),
                Tuple.of(
                        2,
                        Arbitraries.strings()
                                .withCharRange('\u4E00', '\u9FFF')
                                .ofMinLength(1)
                                .ofMaxLength(30)),
                Tuple.of(1, Arbitraries.of(NASTY).map(s -> s.repeat(200))),
                Tuple.of(1, Arbitraries.integers().between(1_001, 70_000).map("長"::repeat)),
                Tuple.of(1, Arbitraries.of("", " ", "\t\n")));
    }

    /** Any JSON value of the wrong (or right) type, nested a little; operator objects included. */
    static Arbitrary<Object> values() {
        return Arbitraries.lazyOf(
                () -> strings().map(s -> s),
                () -> Arbitraries.of(
                        0,
                        -1,
                        Integer.MAX_VALUE,
                        Long.MIN_VALUE,
                        1e308,
                        -0.0,
                        0.1,
                        new java.math.BigInteger("99999999999999999999999999999"),
                        true,
                        false),
                () -> Arbitraries.just((Object) null),
                () -> Arbitraries.of(
                        Map.of("$gt", ""),
                        Map.of("$ne", (Object) List.of()),
                        Map.of("$where", "sleep(100) || true"),
                        Map.of("$regex", ".*"),
                        Map.of("$expr", Map.of("$eq", List.of(1, 1)))),
                () -> strings().list().ofMaxSize(3).map(l -> (Object) l),
                () -> Arbitraries.maps(Arbitraries.of("$gt", "$where", "a.b", "", "min", "max", "\u0000"), strings())
                        .ofMaxSize(3)
                        .map(m -> (Object) m));
    }

    /**
     * A body derived from a valid one: some fields replaced by hostile values, sometimes an operator key or an
     * unknown field added, sometimes not JSON at all (invalid UTF-8, truncated, nested 10,000 deep).
     */
    static Arbitrary<byte[]> bodiesLike(Map<String, Object> valid) {
        List<String> fields = new ArrayList<>(valid.keySet());
        Arbitrary<byte[]> mutated = Arbitraries.maps(Arbitraries.of(fields), values())
                .ofMinSize(1)
                .ofMaxSize(Math.min(3, fields.size()))
                .flatMap(changes -> Arbitraries.of("", "$where", "$gt", "unknownField", "__proto__")
                        .map(extraKey -> {
                            Map<String, Object> body = new LinkedHashMap<>(valid);
                            body.putAll(changes);
                            if (!extraKey.isEmpty()) {
                                body.put(extraKey, Map.of("$gt", ""));
                            }
                            return json(body);
                        }));
        return Arbitraries.frequencyOf(Tuple.of(8, mutated), Tuple.of(2, raw()));
    }

    /** Bodies that are not (valid) JSON, or JSON of the wrong shape. */
    static Arbitrary<byte[]> raw() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'},
                        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[0]),
                Arbitraries.of(
                                "{",
                                "[]",
                                "null",
                                "\"text\"",
                                "42",
                                "{\"a\":",
                                "{\"$where\":\"1\"}",
                                "{\"a\":1,\"a\":2}",
                                "[".repeat(10_000) + "]".repeat(10_000),
                                "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000))
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)),
                values().map(Hostile::json));
    }

    /** A path segment or query value: hostile text, URL-encoded so that it reaches the service as sent. */
    static Arbitrary<String> urlPart() {
        // At most 600 characters: a longer URL exceeds Tomcat's 8 KB header limit, which closes the connection.
        return strings().map(s -> java.net.URLEncoder.encode(truncate(s, 600), StandardCharsets.UTF_8));
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            // A lone surrogate cannot be written as UTF-8 JSON: send the text with it as the bytes Java makes of it.
            return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        }
    }
}
