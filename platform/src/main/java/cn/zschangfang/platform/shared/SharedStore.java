package cn.zschangfang.platform.shared;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * State that must hold across every instance of a service: token buckets (rate limits, robots' budgets) and
 * "first time in a window" marks (the view dedupe). Backed by Redis when {@code REDIS_URL} is set, else by this
 * instance's memory ({@link #shared()} tells which).
 *
 * <p>When Redis fails mid-flight the store fails open: the bucket lets the request through and the mark says
 * "first". A limit that briefly does not bind is the lesser harm next to refusing a visitor's inquiry.
 */
public interface SharedStore {

    /** Takes one token from the bucket {@code key}, creating it from {@code configuration} the first time. */
    ConsumptionProbe tryConsume(String key, Supplier<BucketConfiguration> configuration);

    /** True the first time {@code key} is marked within {@code window} (on any instance); false while a mark lives. */
    boolean markFirst(String key, Duration window);

    /** Removes a mark, so the next {@link #markFirst} is first again (an action that was marked did not happen). */
    void unmark(String key);

    /** True when every instance sees the same state (Redis), false when it is this instance's memory. */
    boolean shared();
}
