package cn.zschangfang.content.listing.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The Zhongshan town reference list (resource {@code reference/zhongshan-towns.txt}, content-service's own copy):
 * full names, and the short forms editors type (小榄 for 小榄镇, 火炬 for 火炬开发区).
 */
@Component
public class ZhongshanTowns {

    private static final String RESOURCE = "/reference/zhongshan-towns.txt";
    private static final List<String> SUFFIXES = List.of("街道", "开发区", "新区", "镇", "区");

    private final List<String> fullNames;
    private final Map<String, String> byName = new HashMap<>();

    public ZhongshanTowns() {
        this(load());
    }

    public ZhongshanTowns(List<String> fullNames) {
        this.fullNames = List.copyOf(fullNames);
        for (String full : fullNames) {
            byName.put(full, full);
            byName.putIfAbsent(shortForm(full), full);
        }
    }

    private static String shortForm(String full) {
        for (String suffix : SUFFIXES) {
            if (full.endsWith(suffix) && full.length() > suffix.length()) {
                return full.substring(0, full.length() - suffix.length());
            }
        }
        return full;
    }

    /** The full name for a full or short form (blanks and a leading 中山/中山市 ignored). */
    public Optional<String> resolve(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String name = input.strip();
        if (name.startsWith("中山市")) {
            name = name.substring(3);
        } else if (name.startsWith("中山") && !byName.containsKey(name)) {
            name = name.substring(2);
        }
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> all() {
        return fullNames;
    }

    private static List<String> load() {
        try (InputStream in = ZhongshanTowns.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
