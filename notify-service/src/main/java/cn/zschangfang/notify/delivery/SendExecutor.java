package cn.zschangfang.notify.delivery;

import cn.zschangfang.notify.config.NotifyProperties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The bounded pool that sends what intake has recorded (issue #13: the robot's HTTP answer and the broker's acks
 * no longer hold the {@code lead.captured} consumer). Everything handed to it is already durable (PENDING delivery,
 * outbox record), so a task that never runs loses nothing: the sweep and the outbox re-publisher take it over.
 *
 * <p>Full queue → the caller (the consumer thread) runs the task itself: back-pressure reaches Kafka polling
 * instead of an unbounded backlog in memory or a dropped send. On shutdown it stops after the Kafka bindings
 * (lower phase) and before MongoDB and the producers are closed, and waits up to {@code drain-timeout}.
 */
@Component
class SendExecutor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SendExecutor.class);
    /** Spring Cloud Stream's input bindings stop in phase {@code Integer.MAX_VALUE - 1000}: the pool after them. */
    private static final int PHASE = Integer.MAX_VALUE - 2000;

    private final ThreadPoolExecutor pool;
    private final NotifyProperties.Send settings;
    private volatile boolean running;

    SendExecutor(NotifyProperties properties) {
        this.settings = properties.send();
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                settings.threads(),
                settings.threads(),
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queue()),
                r -> {
                    Thread t = new Thread(r, "notify-send-" + n.incrementAndGet());
                    t.setDaemon(false);
                    return t;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Runs {@code task} in the pool, or on the caller's thread when the queue is full (never drops it). */
    void execute(Runnable task) {
        if (pool.isShutdown()) {
            // shutting down: the records are durable, the sweep of the next start sends them
            log.info("send pool stopped; the delivery is left to the sweep");
            return;
        }
        pool.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // the delivery stays PENDING / IN_FLIGHT and the sweep re-claims it once due or its lease expired
                log.warn(
                        "send task failed ({}); the sweep retries it",
                        e.getClass().getSimpleName());
            }
        });
    }

    int active() {
        return pool.getActiveCount();
    }

    int queued() {
        return pool.getQueue().size();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        pool.shutdown();
        try {
            if (!pool.awaitTermination(settings.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                // Queued sends are dropped, not run: they are PENDING in MongoDB and the sweep sends them. Running
                // ones are not interrupted: an interrupt after the robot took the message would make it a duplicate.
                int dropped = pool.getQueue().size();
                pool.getQueue().clear();
                log.warn(
                        "send pool not drained within {}: {} queued sends left PENDING for the sweep, {} still running",
                        settings.drainTimeout(),
                        dropped,
                        pool.getActiveCount());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
