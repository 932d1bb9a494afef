package cn.zschangfang.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The pids of a running stack's children, in its data folder: a stack killed with SIGKILL leaves its children
 * behind, and the next start stops them before taking their ports.
 */
final class PidFile {

    private final Path file;
    private final String projectDir;
    private final ProgressLog log;

    PidFile(StackConfig config, ProgressLog log) {
        this.file = config.dataDir().resolve("local-stack.pids");
        this.projectDir = config.projectDir().toString();
        this.log = log;
    }

    /** Stops the processes of an earlier run still listed, those whose command line names this project only. */
    void stopLeftovers() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            ProcessHandle.of(Long.parseLong(line.trim()))
                    .filter(h -> h.info()
                            .commandLine()
                            .map(c -> c.contains(projectDir))
                            .orElse(false))
                    .ifPresent(this::stop);
        }
        Files.delete(file);
    }

    /** Best effort: the pids of what is running now, read back only by {@link #stopLeftovers()}. */
    void write() throws IOException {
        StringBuilder pids = new StringBuilder();
        ProcessHandle.current()
                .children()
                .forEach(child -> pids.append(child.pid()).append('\n'));
        Files.writeString(file, pids.toString(), StandardCharsets.UTF_8);
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Only a hint for the next start.
        }
    }

    private void stop(ProcessHandle leftover) {
        log.line("stopping process " + leftover.pid() + " left over from an earlier run");
        leftover.destroy();
        leftover.onExit()
                .orTimeout(20, TimeUnit.SECONDS)
                .exceptionally(t -> {
                    leftover.destroyForcibly();
                    return leftover;
                })
                .join();
    }
}
