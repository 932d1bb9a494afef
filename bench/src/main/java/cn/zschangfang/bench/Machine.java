package cn.zschangfang.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The machine and the checkout the run measured, for the results file's header. */
final class Machine {

    static String loadAverage() {
        String s = Bench.read(Path.of("/proc/loadavg")).trim();
        String[] parts = s.split("\\s+");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "unknown";
    }

    /**
     * Waits until the machine is quiet again (CPU busy under 35 % over 5 s, at most 3 min): work a scenario queued
     * (outbox backlogs, consumer lag, GC) must not be measured as the next scenario's latency. The 1-minute load
     * average decays too slowly to tell.
     */
    static String settle() throws InterruptedException {
        long start = System.nanoTime();
        double busy = 1;
        while (System.nanoTime() - start < TimeUnit.MINUTES.toNanos(3)) {
            long[] before = cpuTicks();
            Thread.sleep(5_000);
            long[] after = cpuTicks();
            long total = after[0] - before[0];
            busy = total <= 0 ? 0 : 1.0 - (double) (after[1] - before[1]) / total;
            if (busy < 0.35) {
                break;
            }
        }
        return String.format(
                Locale.ROOT,
                "settled after %d s, CPU busy %.0f %%",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
                busy * 100);
    }

    /** {total, idle + iowait} jiffies of all CPUs from /proc/stat. */
    private static long[] cpuTicks() {
        String[] fields = Bench.read(Path.of("/proc/stat"))
                .lines()
                .findFirst()
                .orElse("cpu")
                .trim()
                .split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = fields.length > 5 ? Long.parseLong(fields[4]) + Long.parseLong(fields[5]) : 0;
        return new long[] {total, idle};
    }

    static boolean up(Context ctx) {
        try {
            return ctx.http
                                    .call(Http.get(ctx.content() + "/api/content/articles/" + Context.SEED_ARTICLE)
                                            .build())
                                    .statusCode()
                            == 200
                    && ctx.http
                                    .call(Http.get(ctx.gateway() + "/actuator/health")
                                            .build())
                                    .statusCode()
                            < 500;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String header(Path project, Options options, String run, String loadStart, String loadEnd, double seconds) {
        String cpu = Bench.read(Path.of("/proc/cpuinfo"))
                .lines()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse("unknown CPU");
        String mem = Bench.read(Path.of("/proc/meminfo"))
                .lines()
                .findFirst()
                .orElse("")
                .replaceAll("\\s+", " ");
        return "# Benchmark " + Bench.now() + (options.label().isEmpty() ? "" : " (" + options.label() + ")") + "\n\n"
                + "Written by `./bench/run.sh" + (options.quick() ? " --quick" : "") + "` (run id `" + run
                + "`) against `./run.sh`.\n\n"
                + "| | |\n|---|---|\n"
                + "| machine | " + Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", " + mem + " |\n"
                + "| load average at start | " + loadStart + " |\n"
                + "| load average at end | " + loadEnd + " |\n"
                + "| git commit | " + git(project, "rev-parse", "HEAD")
                + (git(project, "status", "--porcelain").isBlank() ? "" : " (with uncommitted changes)") + " |\n"
                + "| JDK of the bench | " + System.getProperty("java.version") + " |\n"
                + "| scenarios | " + String.join(", ", options.only()) + " |\n"
                + String.format(Locale.ROOT, "| duration | %.0f s |\n", seconds)
                + "| method | open loop at fixed rates (request i due at t0 + i/rate, latency from that intended start: "
                + "coordinated omission corrected), warm-up " + options.warmup().toSeconds() + " s excluded, measured "
                + options.measure().toSeconds() + " s per step; ceilings closed loop; HdrHistogram; JDK HttpClient "
                + "(HTTP/1.1, 4 clients) |\n";
    }

    static String git(Path project, String... args) {
        try {
            String[] cmd = new String[args.length + 3];
            cmd[0] = "git";
            cmd[1] = "-C";
            cmd[2] = project.toString();
            System.arraycopy(args, 0, cmd, 3, args.length);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (Exception e) {
            return "unknown";
        }
    }
}
