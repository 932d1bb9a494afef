package cn.zschangfang.lead.territory;

import cn.zschangfang.lead.config.LeadProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The territory from configuration ({@code lead.towns}, copied from the Zhongshan reference list): full names, and
 * the short forms visitors type (沙溪 for 沙溪镇, 火炬 for 火炬开发区).
 */
@Component
public class Towns {

    private static final List<String> SUFFIXES = List.of("街道", "开发区", "新区", "镇", "区");

    private final List<String> fullNames;
    private final Map<String, String> byName = new HashMap<>();

    @Autowired
    public Towns(LeadProperties properties) {
        this(properties.towns());
    }

    public Towns(List<String> fullNames) {
        this.fullNames = List.copyOf(fullNames);
        for (String full : fullNames) {
            byName.put(full, full);
            String shortForm = shortForm(full);
            if (!shortForm.isEmpty()) {
                byName.putIfAbsent(shortForm, full);
            }
        }
    }

    static String shortForm(String full) {
        for (String suffix : SUFFIXES) {
            if (full.endsWith(suffix) && full.length() > suffix.length()) {
                return full.substring(0, full.length() - suffix.length());
            }
        }
        return full;
    }

    /** The full name for a full or short form, ignoring surrounding blanks and a leading 中山/中山市. */
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

    /** Full names of the towns a text mentions (in full or short form). */
    public List<String> mentionedIn(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return fullNames.stream()
                .filter(full -> text.contains(full) || text.contains(shortForm(full)))
                .toList();
    }

    public List<String> all() {
        return fullNames;
    }
}
