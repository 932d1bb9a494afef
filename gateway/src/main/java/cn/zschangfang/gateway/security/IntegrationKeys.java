package cn.zschangfang.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trusted integrations' API keys, parsed from {@code name=key,name2=key2}.
 *
 * <p>Lookup compares every key in constant time, so response timing does not reveal how much of a guessed key was
 * right.
 */
public final class IntegrationKeys {

    private record Entry(String name, byte[] key) {}

    private final List<Entry> entries;

    private IntegrationKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Parses {@code name=key} pairs; blank entries are ignored.
     *
     * @throws IllegalArgumentException naming the position of a malformed pair (never its value)
     */
    public static IntegrationKeys parse(String spec) {
        List<Entry> entries = new ArrayList<>();
        if (spec != null) {
            String[] pairs = spec.split(",");
            for (int i = 0; i < pairs.length; i++) {
                String pair = pairs[i].trim();
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new IllegalArgumentException(
                            "INTEGRATION_API_KEYS entry " + (i + 1) + " is not of the form name=key");
                }
                entries.add(new Entry(
                        pair.substring(0, eq).trim(),
                        pair.substring(eq + 1).trim().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return new IntegrationKeys(entries);
    }

    /** The integration's name when {@code presented} is one of the configured keys. */
    public Optional<String> nameOf(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        String match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.key(), candidate) && match == null) {
                match = entry.name();
            }
        }
        return Optional.ofNullable(match);
    }

    /** Whether any configured key equals {@code key} (used by the development-secrets check). */
    public boolean contains(String key) {
        return nameOf(key).isPresent();
    }
}
