package cn.zschangfang.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.faults.FaultTable.Row;
import cn.zschangfang.localstack.Ports;
import cn.zschangfang.platform.test.RobotStub;
import cn.zschangfang.platform.test.RobotStub.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * "Every lead, once, visibly" under faults: a steady stream of leads over five agents (one town and one robot each),
 * a 100-lead burst to a sixth, and view beacons, while one fault at a time breaks the broker, a service, the robots
 * or the store. Afterwards every accepted lead must be stored, assigned to one agent and named in exactly one robot
 * message (digests included). Prints and writes the fault table (see {@link FaultTable}).
 */
@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionIT {

    private static final Map<String, String> STEADY = new LinkedHashMap<>(Map.of(
            "fa-xiaolan", "小榄镇",
            "fa-guzhen", "古镇镇",
            "fa-dongfeng", "东凤镇",
            "fa-nantou", "南头镇",
            "fa-huangpu", "黄圃镇"));
    private static final String BURST_AGENT = "fa-sanxiang";
    private static final String BURST_TOWN = "三乡镇";
    /** The issue asks for 30 s; -Dfaults.kafka-outage-seconds shortens it where a CI budget needs that. */
    private static final Duration KAFKA_OUTAGE = Duration.ofSeconds(Long.getLong("faults.kafka-outage-seconds", 30));

    private static final String BETWEEN = "none: the stream between faults (and beside the burst)";
    private static final Duration WEBHOOK_FAULT = Duration.ofSeconds(6);
    /** 8 leads a minute per agent: room below the robot's 18 a minute for a backlog to drain. */
    private static final long STREAM_INTERVAL_MILLIS = 1500;

    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(150);
    private static final String LEAD_KILL =
            "lead-service SIGKILL between accepting leads and publishing them (broker frozen meanwhile)";
    private static final String NOTIFY_KILL = "notify-service SIGKILL mid-delivery, restarted by the supervisor";
    /**
     * Leads sent at once when notify-service is killed. Its send pool has them in flight together, and each one
     * whose robot answered before the kill but whose SENT update was not yet written is sent again after the restart
     * (notify-service README, "Crash"): one repeat per message in that window, so at most this many.
     */
    private static final int NOTIFY_KILL_CONCURRENT = 8;

    private SharedStack stack;
    private LeadTraffic traffic;
    private ViewTraffic views;
    private final List<Phase> phases = new ArrayList<>();
    /** Per fault: accepted beacons not (yet) counted 15 s after it, cumulative; growth is where views were lost. */
    private final Map<String, Long> viewsBehind = new LinkedHashMap<>();
    /** Leads accepted (201) but not yet acknowledged by the broker when lead-service was killed. */
    private final java.util.Set<String> heldAtKill = new java.util.LinkedHashSet<>();
    /** When notify-service was killed, and when its port was seen closed (a send on the wire may land in between). */
    private long notifyKilledNanos;

    private long notifyDownNanos;

    /** A fault's heal moment (restart command, or the kill when the supervisor restarts) and when it was ready. */
    private record Healed(long healNanos, long readyNanos) {}

    private record Phase(String name, int allowedDuplicates, Healed healed, long recoveredNanos) {}

    @BeforeAll
    void startStackAndAgents() throws Exception {
        stack = SharedStack.get();
        for (Map.Entry<String, String> agent : STEADY.entrySet()) {
            Agents.create(stack, agent.getKey(), agent.getValue());
        }
        Agents.create(stack, BURST_AGENT, BURST_TOWN);
        traffic = new LeadTraffic(stack.gatewayUrl());
        views = new ViewTraffic(stack.gatewayUrl());
    }

    @AfterAll
    void stopTraffic() throws Exception {
        if (traffic != null) {
            traffic.close();
        }
        if (views != null) {
            views.close();
        }
    }

    @Test
    void everyAcceptedLeadIsStoredAndShownInExactlyOneMessageThroughEachFault() throws Exception {
        long started = System.nanoTime();
        List<String> towns = List.copyOf(STEADY.values());
        views.start();
        traffic.startSteady(towns, STREAM_INTERVAL_MILLIS);

        run("none: steady stream, one lead per " + STREAM_INTERVAL_MILLIS + " ms over 5 agents", 0, () -> {
            hold(Duration.ofSeconds(15), () -> true);
            return now();
        });
        run("burst: 100 leads to one agent at once", 0, () -> {
            traffic.burst(BURST_TOWN, 100);
            return now();
        });
        run("Kafka broker stopped " + KAFKA_OUTAGE.toSeconds() + " s, then started", 0, () -> {
            stack.stack.stop("kafka");
            hold(KAFKA_OUTAGE, () -> !Ports.open(stack.config.kafkaPort()));
            long heal = System.nanoTime();
            stack.stack.resume("kafka");
            return readyAfter(heal, "kafka");
        });
        run(NOTIFY_KILL, NOTIFY_KILL_CONCURRENT, () -> {
            traffic.sendConcurrently(towns, NOTIFY_KILL_CONCURRENT, first -> {
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> !stack.robots.messagesFor(first.leadId()).isEmpty());
                notifyKilledNanos = System.nanoTime();
                stack.stack.crash("notify-service");
            });
            awaitDown(stack.config.notifyPort());
            notifyDownNanos = System.nanoTime();
            return readyAfter(notifyKilledNanos, "notify-service");
        });
        run(LEAD_KILL, 1, () -> {
            // Land the kill in the window: with the broker frozen no send can be acknowledged, so every lead accepted
            // from now until the kill is still in lead-service's outbox when it dies.
            BrokerPause broker = BrokerPause.of();
            broker.freeze();
            long frozen = System.nanoTime();
            long killed;
            try {
                traffic.sendConcurrently(towns, 8, first -> {});
                hold(Duration.ofSeconds(2), () -> true);
                killed = System.nanoTime();
                stack.stack.crash("lead-service");
                awaitDown(stack.config.leadPort());
            } finally {
                broker.thaw();
            }
            traffic.accepted().stream()
                    .filter(s -> !s.duplicate() && s.sentNanos() > frozen && s.sentNanos() < killed)
                    .forEach(s -> heldAtKill.add(s.leadId()));
            return readyAfter(killed, "lead-service");
        });
        run(
                "webhook 500, then no answer (timeout), then errcode 45009, then ok (" + WEBHOOK_FAULT.toSeconds()
                        + " s each)",
                0,
                () -> {
                    for (Mode mode : List.of(Mode.HTTP_500, Mode.TIMEOUT, Mode.RATE_LIMITED)) {
                        stack.robots.mode(mode);
                        hold(WEBHOOK_FAULT, () -> true);
                    }
                    stack.robots.mode(Mode.OK);
                    return new Healed(System.nanoTime(), System.nanoTime());
                });
        // A crash, not a stop, while leads are being written: no shutdown hook flushes the store, so a write it had
        // acknowledged and not yet committed would be a lead the checks below find missing, or a delivery sent twice.
        run("MongoDB-wire server SIGKILL amid concurrent leads, restarted by the supervisor", 0, () -> {
            long[] killed = {0};
            traffic.sendConcurrently(towns, 8, first -> {
                killed[0] = System.nanoTime();
                stack.stack.crash("mongo");
                // Here, not after the batch: by then the supervisor has it listening again.
                awaitDown(stack.config.mongoPort());
            });
            assertThat(killed[0]).as("a lead accepted before the kill").isPositive();
            return readyAfter(killed[0], "mongo");
        });
        traffic.stopSteady();
        views.stop();

        FaultChecks checks = new FaultChecks(stack, traffic, views);
        checks.awaitAllVisible(RECOVERY_LIMIT);
        long baselineP99 = checks.p99Of(phases.get(0).name());
        List<Row> rows = new ArrayList<>();
        for (Phase phase : phases) {
            boolean burst = phase.name().startsWith("burst");
            long recoveredNanos = burst ? firstSeenOfAll(LeadTraffic.Sent::burst) : phase.recoveredNanos();
            double recovery = recoveredNanos < 0
                    ? -1
                    : Math.max(0, recoveredNanos - phase.healed().healNanos()) / 1e9;
            rows.add(FaultTable.row(
                    phase.name(),
                    traffic.sent().stream()
                            .filter(s -> s.phase().equals(phase.name()) && s.burst() == burst)
                            .toList(),
                    stack.robots,
                    phase.allowedDuplicates(),
                    baselineP99,
                    recovery));
        }
        // The stream between faults (and beside the burst): normal flow, no recovery to measure.
        rows.add(FaultTable.row(
                BETWEEN,
                traffic.sent().stream()
                        .filter(s -> s.phase().equals(BETWEEN) || (s.phase().startsWith("burst") && !s.burst()))
                        .toList(),
                stack.robots,
                0,
                baselineP99,
                Double.NaN));
        List<String> notes = checks.verifyStoredAndAssigned(STEADY, BURST_AGENT);
        notes.addAll(checks.verifyViews());
        long heldShown = heldAtKill.stream()
                .filter(id -> !stack.robots.messagesFor(id).isEmpty())
                .count();
        notes.add(String.format(
                "lead-service SIGKILL: %d leads were accepted (201) while the broker was frozen, so still unpublished in"
                        + " lead-service's outbox when it was killed; %d of them were published after the restart and"
                        + " shown by their robot.",
                heldAtKill.size(), heldShown));
        notes.add("Views accepted but not counted 15 s after each fault (cumulative, by count): "
                + viewsBehind.entrySet().stream()
                        .map(e -> e.getKey().split(",")[0] + " " + e.getValue())
                        .collect(java.util.stream.Collectors.joining("; "))
                + ".");
        notes.add(String.format(
                "Measured %s on %d cores in %.0f s. Accepted = 201, or 200 for a merged duplicate (every tenth lead of"
                        + " the stream resends an earlier one). Lost = accepted but named in no robot message; duplicated"
                        + " = named in more than one. p99 to robot: POST to first robot message naming the lead; added ="
                        + " minus the no-fault p99. Recovery: from the heal (restart command; for a SIGKILL, the kill:"
                        + " the supervisor restarts at once) until every lead accepted before the part was ready again"
                        + " was at its robot; for the burst, from its last POST until all 100 were. A SIGKILL may"
                        + " repeat each message in flight at the kill, once (robots have no"
                        + " idempotency key; notify-service README).",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC),
                Runtime.getRuntime().availableProcessors(),
                (System.nanoTime() - started) / 1e9));
        String table = FaultTable.markdown(rows, notes);
        System.out.println("\n" + table);
        FaultTable.write(table);

        assertThat(rows).allSatisfy(row -> {
            assertThat(row.lostIds()).as("lost in '%s'", row.fault()).isEmpty();
            assertThat(row.duplicated())
                    .as("duplicated in '%s': %s", row.fault(), row.duplicatedIds())
                    .isLessThanOrEqualTo(row.allowedDuplicates());
            if (!Double.isNaN(row.recoverySeconds())) {
                assertThat(row.recoverySeconds())
                        .as("recovered after '%s'", row.fault())
                        .isNotNegative();
            }
        });
        rows.stream()
                .filter(row -> row.fault().equals(NOTIFY_KILL))
                .forEach(row -> row.duplicatedIds().forEach(id -> {
                    List<Long> received = stack.robots.messagesFor(id).stream()
                            .map(RobotStub.Message::receivedNanos)
                            .sorted()
                            .toList();
                    assertThat(received)
                            .as(
                                    "a repeat after the notify kill is the one message in flight then, sent once more: %s",
                                    id)
                            .hasSize(2);
                    assertThat(received.get(0))
                            .as("first message of %s before the kill", id)
                            .isLessThan(notifyKilledNanos);
                    assertThat(received.get(1))
                            .as("repeat of %s after the kill", id)
                            .isGreaterThan(notifyKilledNanos);
                }));
        assertThat(heldAtKill)
                .as("leads accepted but unpublished when lead-service was killed (the fault landed in its window)")
                .isNotEmpty();
        assertThat(heldShown).as("of those, published after the restart").isEqualTo(heldAtKill.size());
        checks.assertNoFindings();
    }

    private void run(String name, int allowedDuplicates, Callable<Healed> fault) throws Exception {
        traffic.phase(name);
        System.out.printf("fault phase: %s%n", name);
        Healed healed = fault.call();
        // Recovered once every stream lead accepted up to "ready" is seen; the burst is judged at the end.
        long recovered;
        try {
            await().atMost(RECOVERY_LIMIT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> firstSeenOfAll(s -> !s.burst() && s.sentNanos() <= healed.readyNanos()) >= 0);
            recovered = firstSeenOfAll(s -> !s.burst() && s.sentNanos() <= healed.readyNanos());
        } catch (ConditionTimeoutException e) {
            recovered = -1;
        }
        phases.add(new Phase(name, allowedDuplicates, healed, recovered));
        // A few seconds of normal flow before the next fault, so that no lead is caught by two faults.
        traffic.phase(BETWEEN);
        hold(Duration.ofSeconds(5), () -> true);
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> firstSeenOfAll(s -> !s.burst()) >= 0);
        } catch (ConditionTimeoutException e) {
            // Counted as lost in the table if it never arrives.
        }
        viewsBehind.put(name, views.behind(Duration.ofSeconds(15)));
    }

    /** When the last of the matching accepted leads first reached a robot; -1 while one has not. */
    private long firstSeenOfAll(java.util.function.Predicate<LeadTraffic.Sent> which) {
        long last = 0;
        for (LeadTraffic.Sent s : traffic.accepted()) {
            if (!which.test(s)) {
                continue;
            }
            List<RobotStub.Message> messages = stack.robots.messagesFor(s.leadId());
            if (messages.isEmpty()) {
                return -1;
            }
            last = Math.max(
                    last,
                    messages.stream()
                            .mapToLong(RobotStub.Message::receivedNanos)
                            .min()
                            .orElseThrow());
        }
        return last;
    }

    private Healed readyAfter(long healNanos, String part) throws InterruptedException {
        assertThat(stack.stack.awaitReady(part, Duration.ofSeconds(150)))
                .as(part + " ready again")
                .isTrue();
        return new Healed(healNanos, System.nanoTime());
    }

    /** A killed process can answer its health probe for a moment: wait until its port is closed. */
    private static void awaitDown(int port) {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !Ports.open(port));
    }

    private static Healed now() {
        long now = System.nanoTime();
        return new Healed(now, now);
    }

    /** Keeps a fault in place for its duration, checking all along that it really is in place. */
    private static void hold(Duration duration, Callable<Boolean> faultInPlace) {
        await().during(duration).atMost(duration.plusSeconds(10)).until(faultInPlace);
    }
}
