package cn.zschangfang.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one step: one HdrHistogram over the measured window and one per second (by intended start), plus the
 * outcome counts. A 429 is a rejection, never a success; errors are transport failures and timeouts.
 */
public final class Recorder {

    private static final long MAX_NANOS = 600_000_000_000L;

    private final Histogram total = new Histogram(MAX_NANOS, 3);
    private final List<Histogram> perSecond = new ArrayList<>();
    private final LongAdder ok = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder otherStatus = new LongAdder();
    private final LongAdder errors = new LongAdder();
    // Which statuses the "other" answers were: a 503 (no downstream) and a 504 (timeout) call for different fixes.
    private final Map<Integer, Long> otherByStatus = new TreeMap<>();

    public Recorder(int seconds) {
        for (int i = 0; i < Math.max(1, seconds); i++) {
            perSecond.add(new Histogram(MAX_NANOS, 2));
        }
    }

    /** Records one answer; {@code second} is the measured second of its intended start (clamped). */
    public synchronized void record(int second, long latencyNanos, int status) {
        long value = Math.max(1, Math.min(latencyNanos, MAX_NANOS));
        if (status >= 200 && status < 300) {
            ok.increment();
        } else if (status == 429) {
            rejected.increment();
        } else if (status < 0) {
            errors.increment();
        } else {
            otherStatus.increment();
            otherByStatus.merge(status, 1L, Long::sum);
        }
        // Every answer's time is recorded (a 429 answers too); the counts say how many were successes.
        total.recordValue(value);
        perSecond.get(Math.max(0, Math.min(second, perSecond.size() - 1))).recordValue(value);
    }

    public synchronized Histogram total() {
        return total.copy();
    }

    public synchronized List<Histogram> perSecond() {
        List<Histogram> copies = new ArrayList<>();
        perSecond.forEach(h -> copies.add(h.copy()));
        return copies;
    }

    public long ok() {
        return ok.sum();
    }

    public long rejected() {
        return rejected.sum();
    }

    public long otherStatus() {
        return otherStatus.sum();
    }

    /** The non-2xx, non-429 answers by status code, in status order. */
    public synchronized Map<Integer, Long> otherByStatus() {
        return new TreeMap<>(otherByStatus);
    }

    public long errors() {
        return errors.sum();
    }
}
