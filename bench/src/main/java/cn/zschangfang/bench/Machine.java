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
