package cn.zschangfang.faults;

import java.io.IOException;
import java.util.List;

/**
 * Freezes the Kafka broker process (SIGSTOP) and thaws it (SIGCONT): while frozen, every send waits for an
 * acknowledgement that cannot come, so a lead accepted meanwhile is certainly still in lead-service's outbox. A
 * frozen broker refuses nothing and times nothing out on its side; clients see a slow broker.
 */
final class BrokerPause {

    private final long pid;

    private BrokerPause(long pid) {
        this.pid = pid;
    }

    /** The broker the suite's stack runs (a descendant of this JVM whose command runs {@code kafka.Kafka}). */
    static BrokerPause of() {
        List<ProcessHandle> brokers = ProcessHandle.current()
                .descendants()
                .filter(p -> p.info()
                        .arguments()
                        .map(args -> List.of(args).contains("kafka.Kafka"))
                        .orElse(false))
                .toList();
        if (brokers.size() != 1) {
            throw new IllegalStateException("expected one kafka.Kafka process under this JVM, found " + brokers);
        }
        return new BrokerPause(brokers.get(0).pid());
    }

    void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", signal, Long.toString(pid))
                .inheritIO()
                .start()
                .waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill " + signal + " " + pid + " exited " + exit);
        }
    }
}
