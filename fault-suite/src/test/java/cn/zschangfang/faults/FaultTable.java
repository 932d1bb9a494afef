package cn.zschangfang.faults;

import cn.zschangfang.platform.test.RobotStub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fault table: per fault, leads sent and accepted, lost, duplicated, added p99 delay and recovery time, computed
 * from what the traffic recorded and what the robots received. Written to {@code target/fault-table.md}; with
 * {@code -Dfaults.publish-table=<path>} also there, which is how the README's copy is made.
 */
final class FaultTable {

    /** One fault's outcome; {@code allowedDuplicates} is the at-most-one-in-flight window of a SIGKILL. */
    record Row(
            String fault,
            int sent,
            int accepted,
            int lost,
            int duplicated,
            int allowedDuplicates,
            long p99Millis,
            long addedP99Millis,
            double recoverySeconds,
            List<String> lostIds,
            List<String> duplicatedIds) {

        boolean unexplainedDuplicates() {
            return duplicated > allowedDuplicates;
        }
    }

    private FaultTable() {}

    /** Lost and duplicated per distinct lead id, attributed to the phase of its first acceptance. */
    static Row row(
            String fault,
            List<LeadTraffic.Sent> sentInPhase,
            RobotStub robots,
            int allowedDuplicates,
            long baselineP99,
            double recoverySeconds) {
        Map<String, LeadTraffic.Sent> firstById = new LinkedHashMap<>();
        for (LeadTraffic.Sent s : sentInPhase) {
            if (s.accepted()) {
                firstById.putIfAbsent(s.leadId(), s);
            }
        }
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        for (LeadTraffic.Sent first : firstById.values()) {
            List<RobotStub.Message> messages = robots.messagesFor(first.leadId());
            if (messages.isEmpty()) {
                lost.add(first.leadId());
                continue;
            }
            if (messages.size() > 1) {
                duplicated.add(first.leadId());
            }
            if (!first.duplicate()) {
                long firstSeen = messages.stream()
                        .mapToLong(RobotStub.Message::receivedNanos)
                        .min()
                        .orElseThrow();
                latencies.add((firstSeen - first.sentNanos()) / 1_000_000);
            }
        }
        long p99 = percentile(latencies, 0.99);
        int accepted =
                (int) sentInPhase.stream().filter(LeadTraffic.Sent::accepted).count();
        return new Row(
                fault,
                sentInPhase.size(),
                accepted,
                lost.size(),
                duplicated.size(),
                allowedDuplicates,
                p99,
                Math.max(0, p99 - baselineP99),
                recoverySeconds,
                lost,
                duplicated);
    }

    static long percentile(Collection<Long> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    static String markdown(List<Row> rows, List<String> notes) {
        StringBuilder md = new StringBuilder();
        md.append(
                "| fault | leads sent | accepted | lost | duplicated | p99 to robot | added p99 delay | recovery |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %d | %s | %.1f s | %.1f s | %s |%n",
                    row.fault(),
                    row.sent(),
                    row.accepted(),
                    row.lost(),
                    row.allowedDuplicates() > 0
                            ? row.duplicated() + " (≤ " + row.allowedDuplicates() + " in flight allowed)"
                            : String.valueOf(row.duplicated()),
                    row.p99Millis() / 1000.0,
                    row.addedP99Millis() / 1000.0,
                    Double.isNaN(row.recoverySeconds())
                            ? "n/a"
                            : row.recoverySeconds() < 0
                                    ? "not recovered"
                                    : String.format(Locale.ROOT, "%.1f s", row.recoverySeconds())));
        }
        md.append('\n');
        for (String note : notes) {
            md.append("- ").append(note).append('\n');
        }
        return md.toString();
    }

    static void write(String markdown) throws IOException {
        Path table = Path.of("target", "fault-table.md");
        Files.createDirectories(table.getParent());
        Files.writeString(table, markdown, StandardCharsets.UTF_8);
        String publish = System.getProperty("faults.publish-table", "");
        if (!publish.isBlank()) {
            Path target = Path.of(publish);
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(
                    target,
                    "<!-- Written by fault-suite's FaultInjectionIT (-Dfaults.publish-table); do not edit by hand. -->\n\n"
                            + markdown,
                    StandardCharsets.UTF_8);
        }
    }
}
