package cn.zschangfang.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results file, built section by section; every figure in it comes from this run. */
public final class Report {

    private final StringBuilder text = new StringBuilder();
    private final List<String> targets = new ArrayList<>();
    private final String chartDir;

    public Report(String chartDir) {
        this.chartDir = chartDir;
    }

    public Report line(String s) {
        text.append(s).append('\n');
        return this;
    }

    public Report heading(String s) {
        return line("").line("## " + s).line("");
    }

    public Report charts(List<String> files) {
        line("");
        for (String f : files) {
            line("![" + f + "](" + chartDir + "/" + f + ")");
        }
        return line("");
    }

    /** A table of steps with latency percentiles and counts; {@code baseline} (may be null) gives the ratio column. */
    public Report steps(List<StepResult> steps, StepResult baseline) {
        line("| step | target rate/s | ok/s | ok | 429 | other status | errors | p50 ms | p90 ms | p99 ms | max ms |"
                + (baseline == null ? "" : " ok/s vs baseline |"));
        line("|---|---|---|---|---|---|---|---|---|---|---|" + (baseline == null ? "" : "---|"));
        for (StepResult s : steps) {
            line(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.0f | %d | %d | %s | %d | %s | %s | %s | %s |%s",
                    s.name(),
                    s.targetRate() == 0 ? "closed loop" : fmt(s.targetRate()),
                    s.okPerSecond(),
                    s.ok(),
                    s.rejected(),
                    s.otherStatusDetail(),
                    s.errors(),
                    ms(s.millis(50)),
                    ms(s.millis(90)),
                    ms(s.millis(99)),
                    ms(s.maxMillis()),
                    baseline == null ? "" : " " + ratio(s.okPerSecond(), baseline.okPerSecond()) + " |"));
        }
        return this;
    }

    /** Records a target with what was measured; the summary lists them all. */
    public void target(String what, String measured, boolean met, String by) {
        targets.add(String.format("| %s | %s | %s | %s |", what, measured, met ? "met" : "**missed**", by));
    }

    public String render(String header) {
        StringBuilder out = new StringBuilder(header);
        out.append("\n## Targets of issue 13\n\n| target | measured | | margin |\n|---|---|---|---|\n");
        targets.forEach(t -> out.append(t).append('\n'));
        if (targets.isEmpty()) {
            out.append("| (no scenario with a target ran) | | | |\n");
        }
        out.append(text);
        return out.toString();
    }

    public static String ms(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v < 10 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.0f", v);
    }

    public static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    public static String ratio(double a, double b) {
        return b <= 0 || Double.isNaN(a) || Double.isNaN(b) ? "–" : String.format(Locale.ROOT, "%.2f×", a / b);
    }
}
