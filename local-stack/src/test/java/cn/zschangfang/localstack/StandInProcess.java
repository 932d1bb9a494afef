package cn.zschangfang.localstack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The stand-in as the local stack runs it: its own JVM on a free port, keeping its data in {@code store}. */
final class StandInProcess implements AutoCloseable {

    final int port;
    private final Process process;

    private StandInProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static StandInProcess start(Path store, Path log) throws IOException {
        int port = StackConfig.freePorts(1)[0];
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        MongoWireServer.class.getName(),
                        String.valueOf(port),
                        store.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        StandInProcess standIn = new StandInProcess(port, process);
        await().atMost(Duration.ofSeconds(30)).until(() -> Ports.open(port));
        return standIn;
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hook runs, so nothing is flushed on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
