package cn.zschangfang.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * RSS of the stack's processes, read from /proc: the java processes whose command line names this checkout (the
 * services' jars, the MongoDB-wire server, the Kafka broker, the supervisor). Sampled every second to keep each
 * process's peak and the peak of their total at one moment (the processes peak in different scenarios, so the sum of
 * their peaks is an upper bound of what the stack ever held at once).
 */
public final class RssSampler implements AutoCloseable {

    private final Path projectDir;
    private final Map<String, Long> peakKb = new ConcurrentHashMap<>();
    private final AtomicLong peakTotalKb = new AtomicLong();
    private final Thread thread;

    public RssSampler(Path projectDir) {
        this.projectDir = projectDir;
        thread = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        Map<String, Long> sample = now();
                        sample.forEach((name, kb) -> peakKb.merge(name, kb, Math::max));
                        long total = sample.values().stream()
                                .mapToLong(Long::longValue)
                                .sum();
                        peakTotalKb.accumulateAndGet(total, Math::max);
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "bench-rss");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Current RSS in KiB per process name. */
    public Map<String, Long> now() {
        Map<String, Long> rss = new LinkedHashMap<>();
        ProcessHandle.allProcesses().forEach(p -> {
            String cmd = p.info().commandLine().orElse("");
            String name = nameOf(cmd);
            if (name == null) {
                return;
            }
            long kb = rssKb(p.pid());
            if (kb > 0) {
                rss.merge(name, kb, Long::sum);
            }
        });
        return rss;
    }

    String nameOf(String cmd) {
        if (!cmd.contains("java") || !cmd.contains(projectDir.toString())) {
            return null;
        }
        for (String module : List.of("content-service", "lead-service", "notify-service", "gateway", "site")) {
            if (cmd.contains("/" + module + "/target/" + module + "-")) {
                return module;
            }
        }
        if (cmd.contains("MongoWireServer")) {
            return "mongo";
        }
        if (cmd.contains("kafka.Kafka")) {
            return "kafka";
        }
        if (cmd.contains("cn.zschangfang.localstack.LocalStack")) {
            return "supervisor";
        }
        return null;
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    public Map<String, Long> peak() {
        return new LinkedHashMap<>(peakKb);
    }

    /** The largest sum over all processes within one sample, in KiB. */
    public long peakTotal() {
        return peakTotalKb.get();
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
