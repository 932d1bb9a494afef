package cn.zschangfang.bench;

import cn.zschangfang.localstack.DemoData;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The machine and the checkout the run measured, for the results file's header. */
final class Machine {

    static String loadAverage() {
        String s = Bench.read(Path.of("/proc/loadavg")).trim();
        String[] parts = s.split("\\s+");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "unknown";
    }

    /**
     * Waits until the machine is quiet again and notify has consumed every lead (CPU busy under 35 % over 5 s and no
     * lag of group {@code notify-service} on {@code lead.captured}; at most 3 min): work a scenario queued (outbox
     * backlogs, consumer lag, GC) must not be measured as the next scenario's latency. The 1-minute load average
     * decays too slowly to tell. What it returns says "NOT SETTLED" when the 3 minutes ran out, so that the results
     * show which step ran behind a backlog.
     */
    static String settle(Context ctx) throws InterruptedException {
        long start = System.nanoTime();
        double busy = 1;
        long lag = -1;
        while (System.nanoTime() - start < TimeUnit.MINUTES.toNanos(3)) {
            long[] before = cpuTicks();
            Thread.sleep(5_000);
            long[] after = cpuTicks();
            long total = after[0] - before[0];
            busy = total <= 0 ? 0 : 1.0 - (double) (after[1] - before[1]) / total;
            lag = notifyLag(ctx.stack.kafkaBrokers());
            if (busy < 0.35 && lag <= 0) {
                return String.format(
                        Locale.ROOT,
                        "settled after %d s, CPU busy %.0f %%, notify lag %s",
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
                        busy * 100,
                        lag < 0 ? "unknown" : "0");
            }
        }
        return String.format(
                Locale.ROOT,
                "NOT SETTLED after %d s: CPU busy %.0f %%, notify lag %s leads",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
                busy * 100,
                lag < 0 ? "unknown" : String.valueOf(lag));
    }

    /** Leads in {@code lead.captured} that notify's group has not committed yet; -1 when the broker cannot tell. */
    static long notifyLag(String brokers) {
        try (Admin admin = Admin.create(
                Map.of("bootstrap.servers", brokers, "request.timeout.ms", 5_000, "default.api.timeout.ms", 5_000))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("notify-service")
                    .partitionsToOffsetAndMetadata()
                    .get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().stream()
                    .filter(tp -> tp.topic().equals("lead.captured"))
                    .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            if (latest.isEmpty()) {
                return -1;
            }
            long lag = 0;
            for (var end :
                    admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                lag += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
            }
            return lag;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
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
                                    .call(Http.get(ctx.content() + "/api/content/articles/" + DemoData.SEED_ARTICLE)
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
