package cn.zschangfang.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;

/**
 * Drives generated inputs at an endpoint from a few concurrent clients and keeps what broke a rule: a 5xx, no answer
 * at all, or a body that leaks internals (a stack frame, an exception class, a framework package).
 */
final class Fuzzer implements AutoCloseable {

    /** What a response body must never show: it would tell an attacker what runs inside. */
    static final Pattern LEAK = Pattern.compile("\\bat [\\w$.]+\\([\\w$]*\\.java:\\d+\\)|[A-Za-z]+Exception\\b"
            + "|\\bjava\\.(lang|util|io|net)\\.|org\\.springframework|tools\\.jackson|com\\.fasterxml|org\\.bson"
            + "|com\\.mongodb|org\\.apache\\.(kafka|catalina|tomcat)|Caused by|Whitelabel|\\bTraceback\\b");

    /** One request that broke a rule, shown in full enough to reproduce it. */
    record Failure(String endpoint, String request, int status, String body) {
        @Override
        public String toString() {
            return endpoint + " <- " + Hostile.truncate(request, 400) + " => " + status + " "
                    + Hostile.truncate(body, 400);
        }
    }

    /** An endpoint's run: how many inputs, which statuses, what broke. */
    record Result(String endpoint, int inputs, Map<Integer, Integer> statuses, List<Failure> failures, long millis) {}

    /** A generated request: its description (for the report) and how to send it. */
    /**
     * A generated request: its description (for the report), how to send it, and its body size: a server may answer
     * 413 to an oversized body and close before the client finished writing, which the client sees as no answer.
     */
    record Call(String description, java.util.function.Supplier<Http.Reply> send, int bodyBytes) {
        Call(String description, java.util.function.Supplier<Http.Reply> send) {
            this(description, send, 0);
        }
    }

    /** Bodies above every endpoint's own limit (4 KB is the smallest, the view beacon's). */
    private static final int OVERSIZED = 4096;

    private final ExecutorService pool;
    private final List<Result> results = new java.util.concurrent.CopyOnWriteArrayList<>();

    Fuzzer(int clients) {
        pool = Executors.newFixedThreadPool(clients);
    }

    List<Result> results() {
        return List.copyOf(results);
    }

    <T> Result run(String endpoint, int count, Arbitrary<T> inputs, Function<T, Call> toCall) throws Exception {
        long started = System.nanoTime();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Failure> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(count);
        inputs.sampleStream()
                .limit(count)
                .forEach(input -> futures.add(pool.submit(() -> {
                    Call call = toCall.apply(input);
                    Http.Reply reply = call.send().get();
                    statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger())
                            .incrementAndGet();
                    boolean noAnswer = reply.status() < 0 && call.bodyBytes() <= OVERSIZED;
                    boolean broken = noAnswer
                            || reply.is5xx()
                            || LEAK.matcher(reply.body()).find();
                    if (broken && failed.incrementAndGet() <= 20) {
                        failures.add(new Failure(
                                endpoint,
                                call.description(),
                                reply.status(),
                                reply.status() < 0 ? reply.failure() : reply.body()));
                    }
                })));
        for (Future<?> future : futures) {
            future.get(2, TimeUnit.MINUTES);
        }
        Map<Integer, Integer> histogram = new TreeMap<>();
        statuses.forEach((status, n) -> histogram.put(status, n.get()));
        Result result = new Result(
                endpoint, futures.size(), histogram, List.copyOf(failures), (System.nanoTime() - started) / 1_000_000);
        results.add(result);
        System.out.printf(
                "fuzz %-60s %6d inputs in %5.1f s, statuses %s, broken %d%n",
                endpoint, result.inputs(), result.millis() / 1000.0, histogram, failed.get());
        return result;
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
