package cn.zschangfang.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * What one measured step gave: its latencies (total and per second), the outcome counts and the rate reached.
 *
 * @param targetRate requests per second asked for (0 for a closed-loop step)
 * @param seconds length of the measured window
 */
public record StepResult(
        String name,
        double targetRate,
        double seconds,
        Histogram histogram,
        List<Histogram> perSecond,
        long ok,
        long rejected,
        long otherStatus,
        Map<Integer, Long> otherByStatus,
        long errors) {

    public static StepResult of(String name, double targetRate, double seconds, Recorder recorder) {
        return new StepResult(
                name,
                targetRate,
                seconds,
                recorder.total(),
                recorder.perSecond(),
                recorder.ok(),
                recorder.rejected(),
                recorder.otherStatus(),
                recorder.otherByStatus(),
                recorder.errors());
    }

    /** The other-status count with its codes, e.g. {@code 162 (503: 12, 504: 150)}. */
    public String otherStatusDetail() {
        if (otherStatus == 0) {
            return "0";
        }
        return otherStatus + " ("
                + otherByStatus.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining(", "))
                + ")";
    }

    public long answered() {
        return ok + rejected + otherStatus + errors;
    }

    /** Successful (2xx) answers per second of the measured window. */
    public double okPerSecond() {
        return seconds <= 0 ? 0 : ok / seconds;
    }

    public double answeredPerSecond() {
        return seconds <= 0 ? 0 : answered() / seconds;
    }

    public double millis(double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    public double maxMillis() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
    }
}
