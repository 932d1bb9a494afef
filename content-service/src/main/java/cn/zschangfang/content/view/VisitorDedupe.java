package cn.zschangfang.content.view;

import cn.zschangfang.platform.shared.SharedStore;
import java.time.Duration;

/**
 * "One visitor counts at most once per article per window", decided without a database round trip: a mark in the
 * platform's {@link SharedStore}. The window starts at the counted view and is not extended by repeats.
 *
 * <p>With {@code REDIS_URL} set every instance sees the same marks, so the dedupe is exact however the beacons are
 * balanced. Without it each instance keeps its own (bounded) marks: a visitor whose beacons are spread over N
 * instances can be counted up to N times per window, and a restart forgets the window (at worst a returning visitor
 * counts once more, never a view lost).
 */
public final class VisitorDedupe {

    private final SharedStore marks;
    private final Duration window;

    public VisitorDedupe(SharedStore marks, Duration window) {
        this.marks = marks;
        this.window = window;
    }

    /** True the first time (visitor, article) is seen in the window; false for repeats. */
    public boolean firstInWindow(String articleId, String visitorId) {
        return marks.markFirst(key(articleId, visitorId), window);
    }

    /** Forgets a pair whose view could not be published, so a retry may count. */
    public void forget(String articleId, String visitorId) {
        marks.unmark(key(articleId, visitorId));
    }

    private static String key(String articleId, String visitorId) {
        return "view:" + articleId + '\u0000' + visitorId;
    }
}
