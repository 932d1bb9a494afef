package cn.zschangfang.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One child process of the local stack: started with its own log file, watched, restarted with a growing delay when it
 * dies on its own, stopped with SIGTERM (then SIGKILL after a grace period) when the stack stops.
 */
final class ManagedProcess {

    private static final Duration GRACE = Duration.ofSeconds(20);
    private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(30);

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path workDir;
    private final Path logFile;
    private final BooleanSupplier readiness;
    private final ProgressLog log;

    private volatile Process process;
    private volatile boolean stopping;
    private int restarts;

    ManagedProcess(
            String name,
            List<String> command,
            Map<String, String> env,
            Path workDir,
            Path logFile,
            BooleanSupplier readiness,
            ProgressLog log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.workDir = workDir;
        this.logFile = logFile;
        this.readiness = readiness;
        this.log = log;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    synchronized void start() throws IOException {
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        process = builder.start();
        Process started = process;
        started.onExit().thenAccept(this::exited);
    }

    /** Waits until the readiness probe answers; false when the process died or the timeout passed. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (stopping) {
                return false;
            }
            Process current = process;
            if (current != null && current.isAlive() && readiness.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    private void exited(Process dead) {
        if (stopping || dead != process) {
            return;
        }
        int attempt;
        synchronized (this) {
            attempt = ++restarts;
        }
        long delay = Math.min(MAX_RESTART_DELAY.toMillis(), 1000L << Math.min(attempt - 1, 5));
        log.line(String.format(
                "%-15s exited with code %d; restarting in %.0f s (restart #%d, log: %s)",
                name, dead.exitValue(), delay / 1000.0, attempt, logFile));
        Thread restarter = new Thread(
                () -> {
                    try {
                        Thread.sleep(delay);
                        if (stopping) {
                            return;
                        }
                        start();
                        if (awaitReady(Duration.ofSeconds(120))) {
                            log.line(String.format("%-15s restarted and ready", name));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (IOException e) {
                        log.line(name + " could not be restarted: " + e.getMessage());
                    }
                },
                "restart-" + name);
        restarter.setDaemon(true);
        restarter.start();
    }

    /** Asks the process to stop (SIGTERM) without waiting. */
    void requestStop() {
        stopping = true;
        Process current = process;
        if (current != null && current.isAlive()) {
            current.descendants().forEach(ProcessHandle::destroy);
            current.destroy();
        }
    }

    /** Waits for a stop asked with {@link #requestStop()}, killing the process if it outlives the grace period. */
    void awaitStopped() throws InterruptedException {
        Process current = process;
        if (current == null) {
            return;
        }
        if (!current.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            log.line(name + " did not stop within " + GRACE.toSeconds() + " s; killing it");
            current.descendants().forEach(ProcessHandle::destroyForcibly);
            current.destroyForcibly();
            current.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** For the fault tests: starts a process stopped with {@link #requestStop()} again, supervised as before. */
    synchronized void resume() throws IOException {
        // Start first: the old process's exit callback may still be pending, and must find itself replaced (or
        // "stopping") rather than a crash to restart from.
        start();
        stopping = false;
    }

    /** For the fault tests: kills the process as a crash would, letting the supervisor restart it. */
    void kill() {
        Process current = process;
        if (current != null) {
            current.destroyForcibly();
        }
    }
}
