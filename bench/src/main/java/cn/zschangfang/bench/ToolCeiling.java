package cn.zschangfang.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load tool's own ceiling: nginx serving a 1 KiB static file, closed loop, from this tool and from wrk (Debian's,
 * when installed). A service measured far below it is not limited by the tool.
 */
final class ToolCeiling {

    static void run(Context ctx, Nginx nginx) throws Exception {
        ctx.report.heading("0. The load tool's ceiling (nginx, static 1 KiB file)");
        String url = nginx.url() + "/static.txt";
        var request = Http.get(url).build();
        List<StepResult> steps = new ArrayList<>();
        for (int c : new int[] {16, 64}) {
            steps.add(ctx.load.closedLoop(
                    "bench tool, " + c + " conn",
                    c,
                    ctx.options.warmup(),
                    ctx.options.measure(),
                    i -> ctx.http.status(request)));
        }
        ctx.shared.put(
                "tool.ceiling",
                steps.stream().mapToDouble(StepResult::okPerSecond).max().orElse(0));
        ctx.report.steps(steps, null);
        String wrk = wrk(url, ctx.options.measure().toSeconds());
        ctx.report
                .line("")
                .line("wrk cross-check (`wrk -t2 -c64 -d"
                        + ctx.options.measure().toSeconds() + "s`): " + wrk);
        ctx.progress.line("tool ceiling: " + Report.fmt(ctx.shared.get("tool.ceiling")) + " req/s; wrk: " + wrk);
    }

    static String wrk(String url, long seconds) {
        if (!Path.of("/usr/bin/wrk").toFile().canExecute()) {
            return "wrk not installed";
        }
        try {
            Process p = new ProcessBuilder("wrk", "-t2", "-c64", "-d" + seconds + "s", "--latency", url)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(seconds + 30, TimeUnit.SECONDS);
            Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
            Matcher p50 = Pattern.compile("50%\\s+(\\S+)").matcher(out);
            Matcher p99 = Pattern.compile("99%\\s+(\\S+)").matcher(out);
            return (rps.find() ? rps.group(1) + " req/s" : "no rate in its output")
                    + (p50.find() ? ", p50 " + p50.group(1) : "")
                    + (p99.find() ? ", p99 " + p99.group(1) : "")
                    + " (closed loop, not CO-corrected)";
        } catch (Exception e) {
            return "wrk failed: " + e.getMessage();
        }
    }
}
