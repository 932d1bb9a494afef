package cn.zschangfang.content.view;

import java.util.List;
import java.util.Locale;

/** Recognises crawlers and bots by User-Agent substrings (configurable list, case-insensitive). */
public final class BotFilter {

    private final List<String> markers;
    private final boolean countMissingUserAgent;

    public BotFilter(List<String> markers, boolean countMissingUserAgent) {
        this.markers = markers.stream()
                .filter(m -> m != null && !m.isBlank())
                .map(m -> m.strip().toLowerCase(Locale.ROOT))
                .toList();
        this.countMissingUserAgent = countMissingUserAgent;
    }

    public boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return !countMissingUserAgent;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (String marker : markers) {
            if (ua.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
