package cn.zschangfang.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * The two load shapes. {@link #openLoop} sends at a fixed rate whatever the answers do (latency from the intended
 * start); {@link #closedLoop} keeps N requests in flight, each sent when the previous one answered, to find a
 * ceiling. Both exclude the warm-up from the figures.
 */
public final class Load {

    /** In flight beyond this, the sender waits; the wait is still charged to latency (intended start). */
    static final int MAX_IN_FLIGHT = 2048;

    private final Progress progress;

    public Load(Progress progress) {
        this.progress = progress;
    }

    /** One request: {@code i} is its sequence number; the future completes with the HTTP status (or fails). */
    public interface Call extends LongFunction<CompletableFuture<Integer>> {}

    /** A request that also wants its intended start ({@link System#nanoTime()}), e.g. to time what follows it. */
    public interface TimedCall {
        CompletableFuture<Integer> send(long i, long intendedNanos);
    }

    public StepResult openLoop(String name, double rate, Duration warmup, Duration measure, Call call) {
        return openLoop(name, rate, warmup, measure, (TimedCall) (i, t) -> call.apply(i));
    }

    public StepResult openLoop(String name, double rate, Duration warmup, Duration measure, TimedCall call) {
        Schedule schedule = new Schedule(System.nanoTime() + 50_000_000L, rate, warmup.toNanos(), measure.toNanos());
        Recorder recorder = new Recorder(schedule.measuredSeconds());
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        AtomicLong done = new AtomicLong();
        long count = schedule.count();
        progress.start(name, warmup, measure, recorder, done);
        for (long i = 0; i < count; i++) {
            long intended = schedule.intendedStart(i);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquireUninterruptibly();
            CompletableFuture<Integer> answer;
            try {
                answer = call.send(i, intended);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((status, error) -> {
                long latency = System.nanoTime() - intended;
                if (schedule.measured(intended)) {
                    recorder.record(schedule.secondOf(intended), latency, error == null ? status : -1);
                }
                done.incrementAndGet();
                inFlight.release();
            });
        }
        awaitDrain(inFlight, name);
        progress.stop();
        return StepResult.of(name, rate, measure.toNanos() / 1e9, recorder);
    }

    public StepResult closedLoop(String name, int concurrency, Duration warmup, Duration measure, Call call) {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        int seconds = (int) Math.ceil(measure.toNanos() / 1e9);
        Recorder recorder = new Recorder(seconds);
        AtomicLong sequence = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Semaphore finished = new Semaphore(0);
        progress.start(name, warmup, measure, recorder, done);
        for (int w = 0; w < concurrency; w++) {
            next(call, sequence, recorder, done, measureFrom, end, finished);
        }
        finished.acquireUninterruptibly(concurrency);
        progress.stop();
        return StepResult.of(name, 0, measure.toNanos() / 1e9, recorder);
    }

    private void next(
            Call call,
            AtomicLong sequence,
            Recorder recorder,
            AtomicLong done,
            long measureFrom,
            long end,
            Semaphore finished) {
        long sent = System.nanoTime();
        if (sent >= end) {
            finished.release();
            return;
        }
        CompletableFuture<Integer> answer;
        try {
            answer = call.apply(sequence.getAndIncrement());
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        // An answer that is already there (a request refused at once) must not recurse on this stack.
        CompletableFuture<Integer> settled = answer.isDone() ? answer.thenApplyAsync(s -> s) : answer;
        settled.whenComplete((status, error) -> {
            long now = System.nanoTime();
            // Only answers inside the window count, so the rate is answers per second of the window.
            if (sent >= measureFrom && now <= end) {
                recorder.record((int) ((sent - measureFrom) / 1_000_000_000L), now - sent, error == null ? status : -1);
            }
            done.incrementAndGet();
            next(call, sequence, recorder, done, measureFrom, end, finished);
        });
    }

    private void awaitDrain(Semaphore inFlight, String name) {
        try {
            if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS)) {
                progress.line(name + ": requests still in flight 60 s after the last was sent (not counted)");
                return;
            }
            inFlight.release(MAX_IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
