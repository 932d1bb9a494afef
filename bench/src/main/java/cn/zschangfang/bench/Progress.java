package cn.zschangfang.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Console progress: one line per step every few seconds, and free-form lines. */
public final class Progress {

    private final PrintStream out;
    private final long started = System.nanoTime();
    private Thread ticker;

    public Progress(PrintStream out) {
        this.out = out;
    }

    public synchronized void line(String text) {
        out.printf("[%6.1fs] %s%n", (System.nanoTime() - started) / 1e9, text);
        out.flush();
    }

    void start(String name, Duration warmup, Duration measure, Recorder recorder, AtomicLong done) {
        long t0 = System.nanoTime();
        long total = warmup.plus(measure).toSeconds();
        line(name + ": " + warmup.toSeconds() + " s warm-up + " + measure.toSeconds() + " s measured");
        ticker = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            Thread.sleep(5000);
                        } catch (InterruptedException e) {
                            return;
                        }
                        long s = (System.nanoTime() - t0) / 1_000_000_000L;
                        var h = recorder.total();
                        line(String.format(
                                "  %s: %d/%d s, %d answered, measured ok %d, 429 %d, other %s, errors %d, p50 %.1f ms, p99 %.1f ms",
                                name,
                                s,
                                total,
                                done.get(),
                                recorder.ok(),
                                recorder.rejected(),
                                recorder.otherStatus()
                                        + (recorder.otherStatus() == 0 ? "" : " " + recorder.otherByStatus()),
                                recorder.errors(),
                                h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(50) / 1e6,
                                h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99) / 1e6));
                    }
                },
                "bench-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    void stop() {
        if (ticker != null) {
            ticker.interrupt();
            ticker = null;
        }
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
