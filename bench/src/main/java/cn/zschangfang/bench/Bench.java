package cn.zschangfang.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * The benchmark's entry point ({@code ./bench/run.sh}): runs the chosen scenarios against a running {@code ./run.sh}
 * and writes {@code bench/results/<date>[-label].md} with its charts in {@code bench/results/<date>[-label]/}.
 */
public final class Bench {

    static {
        // The Kafka clients (offsets, ProducerPerformance's topic) log through slf4j-simple: keep the console to
        // progress.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path project = Path.of(System.getProperty("bench.project-dir", "."))
                .toAbsolutePath()
                .normalize();
        String name = LocalDate.now(ZoneOffset.UTC) + (options.label().isEmpty() ? "" : "-" + options.label());
        Path results = project.resolve(options.resultsDir());
        Progress progress = new Progress(System.out);
        Report report = new Report(name);
        String run = Long.toString(System.currentTimeMillis() / 1000 % 100_000_000L, 36);
        String loadStart = Machine.loadAverage();
        RssSampler rss = new RssSampler(project);
        Map<String, Long> idle = rss.now();
        rss.start();
        try (Http http = new Http(4)) {
            Context ctx =
                    new Context(options, project, http, progress, report, new Charts(results.resolve(name)), run, rss);
            if (!Machine.up(ctx)) {
                System.err.println("bench: the stack does not answer on " + ctx.gateway() + " and " + ctx.content()
                        + ": start ./run.sh first");
                System.exit(1);
            }
            progress.line("bench run " + run + ": " + options.only() + (options.quick() ? " (quick)" : ""));
            try (Nginx nginx = new Nginx(Files.createTempDirectory("bench-nginx"), ctx.stack.contentPort())) {
                if (options.runs("tool-ceiling") || options.runs("gateway-overhead")) {
                    nginx.start();
                }
                step(ctx, "tool-ceiling", () -> ToolCeiling.run(ctx, nginx));
                step(ctx, "gateway-overhead", () -> GatewayOverhead.run(ctx, nginx));
            }
            step(ctx, "view-ingest", () -> ViewIngest.run(ctx));
            step(ctx, "speed-to-lead", () -> SpeedToLead.run(ctx));
            step(ctx, "lead-submission", () -> LeadSubmission.run(ctx));
            step(ctx, "page-rendering", () -> PageRendering.run(ctx));
            step(ctx, "footprint", () -> Footprint.run(ctx, idle));
            String header =
                    Machine.header(project, options, run, loadStart, Machine.loadAverage(), progress.elapsedSeconds());
            Files.createDirectories(results);
            Path file = results.resolve(name + ".md");
            Files.writeString(file, report.render(header), StandardCharsets.UTF_8);
            progress.line("results: " + file + " (charts in " + results.resolve(name) + ")");
        } finally {
            rss.close();
        }
        System.exit(0);
    }

    interface Step {
        void run() throws Exception;
    }

    static void step(Context ctx, String id, Step step) {
        if (!ctx.options.runs(id)) {
            return;
        }
        try {
            String settled = Machine.settle(ctx);
            ctx.progress.line("== " + id + " (" + settled + "; load average " + Machine.loadAverage() + ")");
            ctx.report.line("").line("_Before " + id + ": " + settled + "._");
            step.run();
        } catch (Exception | Error e) {
            ctx.progress.line(id + " failed: " + e);
            e.printStackTrace();
            ctx.report
                    .line("")
                    .line("**" + id + " failed**: `" + e + "` (the figures above it in this section, if any, stand).");
        }
    }

    static String now() {
        return ZonedDateTime.now(ZoneOffset.UTC).withNano(0).toString();
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
