package cn.zschangfang.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mechanics of a transactional outbox kept inside each aggregate's document: send the aggregate's pending
 * events in order and remove each only after the broker acknowledged it, stop at the first failure (order per
 * aggregate holds), never run two publications of one aggregate at once, and let a relay sweep what was left.
 * A crash between the send and the removal re-sends the same event id later: at least once on the wire, once in
 * effect because consumers deduplicate by {@code eventId}. The service keeps its store, document and event types
 * and says here only how to read and clear them.
 *
 * @param <A> the aggregate whose document holds the outbox (a lead, a listing)
 */
public final class OutboxDispatcher<A> {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** After this many aggregates failed in a row, the broker is most likely unreachable: the sweep stops. */
    static final int FAILURES_BEFORE_PAUSE = 3;

    /** Aggregates one sweep looks at; the next sweep takes the rest. */
    static final int SWEEP_BATCH = 100;

    /**
     * How the dispatcher reads and clears the service's outbox.
     *
     * @param find the aggregate by id, empty when it is gone (nothing left to publish)
     * @param pending the aggregate's pending events, oldest first, in their wire form
     * @param markPublished removes one acknowledged event (aggregate id, event id) from the aggregate's outbox
     * @param waitingSince ids of aggregates holding an event written before the instant, oldest first, at most
     *     the given number (the relay's query; it wants an index on what it filters by)
     */
    public record Store<A>(
            Function<String, Optional<A>> find,
            Function<A, List<OutboxMessage>> pending,
            BiConsumer<String, String> markPublished,
            BiFunction<Instant, Integer, List<String>> waitingSince) {}

    private final String noun;
    private final OutboxSender sender;
    private final Store<A> store;
    private final Executor executor;
    private final Clock clock;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> again = ConcurrentHashMap.newKeySet();

    /**
     * @param noun what an aggregate is called in the logs ("lead", "listing")
     * @param executor bounded: when it refuses a task the relay publishes the aggregate instead
     * @param clock what the relay's sweep measures an event's wait by
     */
    public OutboxDispatcher(String noun, OutboxSender sender, Store<A> store, Executor executor, Clock clock) {
        this.noun = noun;
        this.sender = sender;
        this.store = store;
        this.executor = executor;
        this.clock = clock;
    }

    /** Publishes off the caller's thread, so an HTTP answer never waits on Kafka; the relay covers a rejection. */
    public void publishSoon(String id) {
        submit(id, () -> publishPending(id));
    }

    /**
     * Like {@link #publishSoon(String)} for an aggregate the caller has just written: its pending events are sent
     * as they are in hand, saving the read back from the database. Removal is still per event and only after the
     * broker's acknowledgement.
     */
    public void publishWritten(String id, A written) {
        submit(id, () -> publish(id, () -> Optional.of(written)));
    }

    /** @return true when nothing is left pending */
    public boolean publishPending(String id) {
        return publish(id, () -> store.find().apply(id));
    }

    /**
     * The relay's sweep: publishes what has been waiting longer than {@code minAge}. Younger events are left to the
     * request that wrote them, which is publishing them right now.
     *
     * @return how many aggregates were fully published
     */
    public int sweep(Duration minAge) {
        return relay(store.waitingSince().apply(clock.instant().minus(minAge), SWEEP_BATCH));
    }

    /**
     * Publishes these aggregates' pending events one aggregate after the other; gives up early when the broker looks
     * down, so it does not wait on every aggregate (one that keeps failing alone does not hold the others back).
     *
     * @return how many aggregates were fully published
     */
    int relay(List<String> ids) {
        int done = 0;
        int failuresInARow = 0;
        for (String id : ids) {
            if (publishPending(id)) {
                done++;
                failuresInARow = 0;
            } else if (++failuresInARow >= FAILURES_BEFORE_PAUSE) {
                log.info("{} outbox relay paused: {} still pending", noun, ids.size() - done);
                break;
            }
        }
        return done;
    }

    private void submit(String id, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            log.warn("{} outbox executor full, {} {} left to the relay", noun, noun, id);
        }
    }

    private boolean publish(String id, Supplier<Optional<A>> current) {
        if (!inFlight.add(id)) {
            // Another thread is publishing this aggregate; it runs again afterwards for events added meanwhile.
            again.add(id);
            return false;
        }
        try {
            Optional<A> aggregate = current.get();
            if (aggregate.isEmpty()) {
                return true;
            }
            for (OutboxMessage event : store.pending().apply(aggregate.get())) {
                if (!sender.send(event)) {
                    return false;
                }
                store.markPublished().accept(id, event.eventId());
                log.info("published {} event {} for {} {}", event.binding(), event.eventId(), noun, id);
            }
            return true;
        } finally {
            inFlight.remove(id);
            if (again.remove(id)) {
                publishSoon(id);
            }
        }
    }
}
