package cn.zschangfang.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends leads as a partner backend would (through the gateway, with the integration key) and remembers every answer:
 * which phase it was sent in, its town (so its agent), its phone and name (which must never reach a log), and
 * whether it was accepted (201, or 200 for a merged duplicate).
 */
final class LeadTraffic implements AutoCloseable {

    /** One POST and its answer; {@code leadId} null when it was not accepted. */
    record Sent(
            long seq,
            String phase,
            String town,
            String phone,
            String name,
            long sentNanos,
            int status,
            String leadId,
            boolean duplicate,
            boolean burst) {
        boolean accepted() {
            return leadId != null && (status == 201 || status == 200);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Uncommon characters, so that a name found in a log was put there by this suite. */
    private static final String NAME_CHARS = "翾翀翎翊翥翦翕翮翯翼翹耀耆耋耘耙耜耦耨耩";

    private final Http http = new Http();
    private final String url;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private final long phoneBase = ThreadLocalRandom.current().nextLong(10_000_000L, 80_000_000L);
    private final ExecutorService pool = Executors.newFixedThreadPool(6);
    private volatile String phase = "setup";
    private volatile Thread steady;

    LeadTraffic(String gateway) {
        this.url = gateway + "/api/leads";
    }

    void phase(String name) {
        phase = name;
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    List<Sent> accepted() {
        return sent.stream().filter(Sent::accepted).toList();
    }

    Sent send(String town, boolean burst) {
        long n = seq.incrementAndGet();
        String phone = "139" + (phoneBase + n);
        String name = "欧阳" + NAME_CHARS.charAt((int) (n % NAME_CHARS.length()))
                + NAME_CHARS.charAt((int) ((n / NAME_CHARS.length()) % NAME_CHARS.length()));
        return post(n, town, phone, name, burst);
    }

    /** The same person and need again: merged into the first lead (200, duplicate true), no second message. */
    Sent resend(Sent original) {
        return post(seq.incrementAndGet(), original.town(), original.phone(), original.name(), original.burst());
    }

    private Sent post(long n, String town, String phone, String name, boolean burst) {
        String body = """
                {"intent":"LEASE","propertyType":"FACTORY","town":"%s","areaSqm":{"min":1000,"max":3000},
                 "use":"五金加工","expectedAnnualTaxWan":50,"company":"中山市演练五金有限公司",
                 "contactName":"%s","phone":"%s","message":"需要一楼，第 %d 条","visitorId":"fs-%s","consent":true}
                """.formatted(town, name, phone, n, UUID.randomUUID());
        Personal.sent(phone, name);
        String currentPhase = phase;
        long started = System.nanoTime();
        Http.Reply reply = http.post(url, body, Map.of("X-Api-Key", SharedStack.API_KEY));
        String id = null;
        boolean duplicate = false;
        if (reply.status() == 201 || reply.status() == 200) {
            try {
                JsonNode json = JSON.readTree(reply.body());
                id = json.path("id").asText(null);
                duplicate = json.path("duplicate").asBoolean(false);
            } catch (IOException e) {
                id = null;
            }
        }
        Sent result = new Sent(n, currentPhase, town, phone, name, started, reply.status(), id, duplicate, burst);
        sent.add(result);
        return result;
    }

    /** A lead every {@code intervalMillis}, round-robin over the towns; every tenth resends an accepted one. */
    void startSteady(List<String> towns, long intervalMillis) {
        Thread thread = new Thread(
                () -> {
                    long i = 0;
                    // Bounded: at most an hour of traffic even if nobody stops it.
                    while (!Thread.currentThread().isInterrupted() && i < 3600_000 / intervalMillis) {
                        long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(intervalMillis);
                        String town = towns.get((int) (i % towns.size()));
                        if (i % 10 == 9) {
                            List<Sent> accepted = accepted().stream()
                                    .filter(s -> !s.burst() && !s.duplicate())
                                    .toList();
                            if (!accepted.isEmpty()) {
                                pool.submit(() -> resend(accepted.get(accepted.size() - 1)));
                            }
                        } else {
                            pool.submit(() -> send(town, false));
                        }
                        i++;
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            try {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                },
                "steady-leads");
        thread.setDaemon(true);
        steady = thread;
        thread.start();
    }

    void stopSteady() throws InterruptedException {
        Thread thread = steady;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    /** {@code count} leads to one town as fast as a few clients can send them. */
    List<Sent> burst(String town, int count) throws Exception {
        List<Future<Sent>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(pool.submit(() -> send(town, true)));
        }
        List<Sent> result = new ArrayList<>();
        for (Future<Sent> future : futures) {
            result.add(future.get(60, TimeUnit.SECONDS));
        }
        return result;
    }

    /** Sends {@code count} leads at once and returns as soon as the first is accepted (or all have answered). */
    void sendConcurrently(List<String> towns, int count, java.util.function.Consumer<Sent> onFirstAccepted)
            throws Exception {
        Object lock = new Object();
        boolean[] fired = {false};
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String town = towns.get(i % towns.size());
            futures.add(pool.submit(() -> {
                Sent s = send(town, false);
                if (s.accepted()) {
                    synchronized (lock) {
                        if (!fired[0]) {
                            fired[0] = true;
                            onFirstAccepted.accept(s);
                        }
                    }
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopSteady();
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
