package cn.zschangfang.localstack;

import java.io.PrintStream;

/** Progress lines stamped with the seconds since the stack started, so a person sees what is slow. */
final class ProgressLog {

    private final long startNanos = System.nanoTime();
    private final PrintStream out;

    ProgressLog(PrintStream out) {
        this.out = out;
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    synchronized void line(String message) {
        out.printf("[%6.1fs] %s%n", elapsedSeconds(), message);
        out.flush();
    }

    synchronized void raw(String text) {
        out.println(text);
        out.flush();
    }
}
