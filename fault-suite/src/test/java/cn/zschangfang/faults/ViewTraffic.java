package cn.zschangfang.faults;

import cn.zschangfang.localstack.DemoData;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** View beacons on the seed article, each from a new visitor, so that every accepted beacon must count once. */
final class ViewTraffic implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http http = new Http();
    private final String gateway;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    /** Visitor id → status of its one beacon (-1: no answer), so a loss can be traced to a stage by visitor. */
    private final Map<String, Integer> answers = new java.util.concurrent.ConcurrentHashMap<>();

    private final long intervalMillis;
    private volatile Thread thread;
    private long viewsBefore = -1;

    ViewTraffic(String gateway) {
        this(gateway, 500);
    }

    ViewTraffic(String gateway, long intervalMillis) {
        this.gateway = gateway;
        this.intervalMillis = intervalMillis;
    }

    /** Visitor ids whose beacon was answered 202. */
    java.util.Set<String> acceptedVisitors() {
        return answers.entrySet().stream()
                .filter(e -> e.getValue() == 202)
                .map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Visitor id → status for every beacon sent. */
    Map<String, Integer> answers() {
        return Map.copyOf(answers);
    }

    /** The seed article's view count as the public API shows it; -1 when it cannot be read. */
    long views() {
        Http.Reply reply = http.get(gateway + "/api/content/articles/" + DemoData.SEED_ARTICLE, Map.of());
        if (reply.status() != 200) {
            return -1;
        }
        try {
            return JSON.readTree(reply.body()).path("views").asLong(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    long viewsBefore() {
        return viewsBefore;
    }

    int sent() {
        return sent.get();
    }

    int accepted() {
        return accepted.get();
    }

    /** How many accepted beacons are not counted (yet) after waiting up to {@code limit} for them. */
    long behind(java.time.Duration limit) {
        long expected = viewsBefore + accepted.get();
        long[] seen = {-1};
        try {
            org.awaitility.Awaitility.await()
                    .atMost(limit)
                    .pollInterval(java.time.Duration.ofMillis(500))
                    .until(() -> (seen[0] = views()) >= expected);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // Reported as the gap.
        }
        return seen[0] < 0 ? -1 : Math.max(0, expected - seen[0]);
    }

    void start() {
        viewsBefore = views();
        Thread t = new Thread(
                () -> {
                    // Bounded: two beacons a second for at most an hour.
                    for (int i = 0; i < 7200 && !Thread.currentThread().isInterrupted(); i++) {
                        sent.incrementAndGet();
                        String visitor = "fs-view-" + UUID.randomUUID();
                        Http.Reply reply = http.post(
                                gateway + "/api/content/articles/" + DemoData.SEED_ARTICLE + "/views",
                                "{\"visitorId\":\"" + visitor + "\"}",
                                Map.of());
                        answers.put(visitor, reply.status());
                        if (reply.status() == 202) {
                            accepted.incrementAndGet();
                        }
                        try {
                            Thread.sleep(intervalMillis);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "view-beacons");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    void stop() throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            t.join(25_000);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
