package cn.zschangfang.bench;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command-line options: {@code --only a,b} (scenario ids), {@code --quick} (short steps), {@code --label x} (the
 * results file name suffix), {@code --results dir}.
 */
public record Options(Set<String> only, boolean quick, String label, String resultsDir) {

    public static final List<String> SCENARIOS = List.of(
            "tool-ceiling",
            "gateway-overhead",
            "view-ingest",
            "speed-to-lead",
            "lead-submission",
            "page-rendering",
            "footprint");

    public static Options parse(String... args) {
        Set<String> only = new LinkedHashSet<>();
        boolean quick = false;
        String label = "";
        String results = "bench/results";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> {
                    for (String s : value(args, ++i, "--only").split(",")) {
                        if (!SCENARIOS.contains(s.trim())) {
                            throw new IllegalArgumentException("unknown scenario '" + s + "'; one of " + SCENARIOS);
                        }
                        only.add(s.trim());
                    }
                }
                case "--label" -> label = value(args, ++i, "--label");
                case "--results" -> results = value(args, ++i, "--results");
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i] + " (--only <"
                            + String.join("|", SCENARIOS) + ">[,…], --quick, --label <x>, --results <dir>)");
            }
        }
        return new Options(only.isEmpty() ? new LinkedHashSet<>(SCENARIOS) : only, quick, label, results);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    public boolean runs(String scenario) {
        return only.contains(scenario);
    }

    public Duration warmup() {
        return Duration.ofSeconds(quick ? 2 : 5);
    }

    /** The measured window of an ordinary step. */
    public Duration measure() {
        return Duration.ofSeconds(quick ? 5 : 20);
    }

    /** The target step of speed to lead (50 leads/s). */
    public Duration longMeasure() {
        return Duration.ofSeconds(quick ? 10 : 60);
    }
}
