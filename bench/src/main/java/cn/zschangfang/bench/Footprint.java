package cn.zschangfang.bench;

import cn.zschangfang.localstack.LocalStack;
import cn.zschangfang.localstack.StackConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scenario 6: RSS of each process of the running stack idle (before the first scenario) and its peak under the
 * run's load (sampled every second), then a cold start of a second stack on random ports (as LocalStackEndToEndIT
 * does, its demo robots pointed at the bench's receiver): time until ready, and the first lead's speed to lead.
 */
final class Footprint {

    static void run(Context ctx, Map<String, Long> idle) throws Exception {
        ctx.report.heading("6. Footprint");
        Map<String, Long> peak = ctx.rss.peak();
        ctx.rss.close();
        Map<String, Long> end = ctx.rss.now();
        Set<String> names = new LinkedHashSet<>(idle.keySet());
        names.addAll(peak.keySet());
        ctx.report
                .line("| process | RSS idle MiB | RSS peak during the run MiB | RSS at the end MiB |")
                .line("|---|---|---|---|");
        long[] sums = new long[3];
        for (String n : names) {
            long a = idle.getOrDefault(n, 0L);
            long b = peak.getOrDefault(n, 0L);
            long c = end.getOrDefault(n, 0L);
            sums[0] += a;
            sums[1] += b;
            sums[2] += c;
            ctx.report.line(String.format(Locale.ROOT, "| %s | %d | %d | %d |", n, a / 1024, b / 1024, c / 1024));
        }
        ctx.report.line(String.format(
                Locale.ROOT,
                "| **sum** | %d | %d (sum of per-process peaks) | %d |",
                sums[0] / 1024,
                sums[1] / 1024,
                sums[2] / 1024));
        long total = ctx.rss.peakTotal();
        ctx.report
                .line("")
                .line(String.format(
                        Locale.ROOT,
                        "The whole stack at its largest in one sample (every second during the run): %d MiB.",
                        total / 1024));
        // The target is what the stack holds at once; the sum of per-process peaks, which never coincide, is shown
        // next to it as the bound a machine sized for every process's worst moment would need.
        double gib = total / 1024.0 / 1024.0;
        double boundGib = sums[1] / 1024.0 / 1024.0;
        ctx.report.target(
                "whole local stack < 2 GiB RSS under load",
                String.format(
                        Locale.ROOT,
                        "%.2f GiB at its largest in one sample (sum of per-process peaks %.2f GiB)",
                        gib,
                        boundGib),
                gib < 2,
                String.format(Locale.ROOT, "%+.2f GiB", 2 - gib));
        coldStart(ctx);
    }

    static void coldStart(Context ctx) throws Exception {
        Path data = Files.createTempDirectory("bench-cold-stack");
        try (RobotReceiver robot = new RobotReceiver()) {
            StackConfig config = StackConfig.onFreePorts(
                    ctx.projectDir,
                    data,
                    Map.of(
                            "DEMO_AGENT_WEBHOOK", robot.url("cold-demo"),
                            "DEMO_ROBOTS_URL", robot.baseUrl(),
                            "DUTY_MANAGER_WEBHOOK", robot.url("cold-duty")));
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            ctx.progress.line("cold start: a second stack on random ports (gateway " + config.gatewayPort() + ")…");
            long t0 = System.nanoTime();
            try (LocalStack stack =
                    LocalStack.startForTest(config, new PrintStream(log, true, StandardCharsets.UTF_8))) {
                double ready = (System.nanoTime() - t0) / 1e9;
                LeadPost post = new LeadPost(ctx, config.url(config.gatewayPort()));
                long sent = System.nanoTime();
                int status = post.send(
                                new Leads(ctx.run + "c", System.currentTimeMillis() / 60_000 + 7_000)
                                        .json("沙溪镇", "cold"),
                                sent)
                        .join();
                String id = post.accepted.keySet().stream().findFirst().orElse(null);
                Long arrival = null;
                while (id != null
                        && (arrival = robot.arrival(id)) == null
                        && System.nanoTime() - sent < 30_000_000_000L) {
                    Thread.sleep(20);
                }
                String first = arrival == null
                        ? "not received within 30 s (POST answered " + status + ")"
                        : String.format(Locale.ROOT, "%.0f ms", (arrival - sent) / 1e6);
                ctx.report
                        .line("")
                        .line(String.format(
                                Locale.ROOT,
                                "Cold start of a second stack (random ports, fresh data directory, while the first keeps running): "
                                        + "ready (demo content imported) in %.1f s; the first lead from POST to the robot: %s.",
                                ready,
                                first));
                ctx.report.target(
                        "first lead after a cold start at the robot in < 1 s",
                        first,
                        arrival != null && (arrival - sent) < 1_000_000_000L,
                        arrival == null ? "" : String.format(Locale.ROOT, "%+.0f ms", 1000 - (arrival - sent) / 1e6));
                ctx.progress.line("cold start: ready in " + Report.fmt(ready) + " s, first lead " + first);
            }
        }
    }
}
