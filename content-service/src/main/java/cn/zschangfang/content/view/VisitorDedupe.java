package cn.zschangfang.content.view;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;

/**
 * "One visitor counts at most once per article per window", decided in memory so the beacon needs no database
 * round trip. The window starts at the counted view and is not extended by repeats.
 *
 * <p>Bounded: beyond {@code maxEntries} the least recently written pairs are evicted first, so under an extreme
 * number of distinct visitors a repeat could be counted again (never a view lost).
 *
 * <p>More than one instance: each instance keeps its own window, so a visitor whose beacons are spread over N
 * instances can be counted up to N times per window. The gateway should route {@code /views} with visitor affinity
 * (hash of {@code visitorId}), which makes the dedupe exact again; a restart of an instance forgets its window,
 * which at worst counts a returning visitor once more.
 */
public final class VisitorDedupe {

    private final Cache<String, Boolean> seen;

    public VisitorDedupe(Duration window, int maxEntries, Clock clock) {
        Ticker ticker = () -> clock.millis() * 1_000_000L;
        this.seen = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(maxEntries)
                .ticker(ticker)
                .build();
    }

    /** True the first time (visitor, article) is seen in the window; false for repeats. */
    public boolean firstInWindow(String articleId, String visitorId) {
        return seen.asMap().putIfAbsent(key(articleId, visitorId), Boolean.TRUE) == null;
    }

    /** Forgets a pair whose view could not be published, so a retry may count. */
    public void forget(String articleId, String visitorId) {
        seen.invalidate(key(articleId, visitorId));
    }

    private static String key(String articleId, String visitorId) {
        return articleId + '\u0000' + visitorId;
    }
}
