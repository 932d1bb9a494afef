package cn.zschangfang.bench;

/**
 * An open-loop schedule: request {@code i} is due at {@code t0 + i / rate}, whatever happened to the requests
 * before it. Latency is measured from that intended start, so a stalled server (or a stalled load tool) is charged
 * for the time the requests waited to be sent: coordinated omission corrected.
 */
public record Schedule(long startNanos, double ratePerSecond, long warmupNanos, long measureNanos) {

    public Schedule {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
    }

    /** When request {@code i} is due, in {@link System#nanoTime()} terms. */
    public long intendedStart(long i) {
        return startNanos + Math.round(i * 1e9 / ratePerSecond);
    }

    /** How many requests the schedule holds (warm-up and measured window together). */
    public long count() {
        return (long) Math.floor((warmupNanos + measureNanos) * ratePerSecond / 1e9);
    }

    /** Whether a request due at {@code intended} counts (after the warm-up). */
    public boolean measured(long intended) {
        return intended - startNanos >= warmupNanos;
    }

    /** The second of the measured window a request due at {@code intended} falls in (0-based). */
    public int secondOf(long intended) {
        return (int) ((intended - startNanos - warmupNanos) / 1_000_000_000L);
    }

    public int measuredSeconds() {
        return (int) Math.ceil(measureNanos / 1e9);
    }
}
