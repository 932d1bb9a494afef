package cn.zschangfang.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {

    /** Aggregates are just their ids' pending events here. */
    static final class Documents {
        final Map<String, List<OutboxMessage>> pending = new ConcurrentHashMap<>();
        final List<Object> sweepQueries = new CopyOnWriteArrayList<>();

        OutboxDispatcher.Store<List<OutboxMessage>> store() {
            return new OutboxDispatcher.Store<>(this::find, events -> events, this::markPublished, this::waiting);
        }

        List<String> waiting(Instant before, int limit) {
            sweepQueries.add(List.of(before, limit));
            return pending.entrySet().stream()
                    .filter(e ->
                            e.getValue().stream().anyMatch(m -> m.occurredAt().isBefore(before)))
                    .map(Map.Entry::getKey)
                    .sorted()
                    .limit(limit)
                    .toList();
        }

        Optional<List<OutboxMessage>> find(String id) {
            return Optional.ofNullable(pending.get(id)).map(List::copyOf);
        }

        void markPublished(String id, String eventId) {
            pending.computeIfPresent(id, (k, events) -> {
                List<OutboxMessage> left = new ArrayList<>(events);
                left.removeIf(e -> e.eventId().equals(eventId));
                return left;
            });
        }

        void add(String id, String... eventIds) {
            List<OutboxMessage> events = new ArrayList<>();
            for (String eventId : eventIds) {
                events.add(new OutboxMessage(eventId, "out-0", "t.v1", id, "{}", Instant.EPOCH));
            }
            pending.put(id, events);
        }
    }

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:10Z"), ZoneOffset.UTC);

    final Documents documents = new Documents();
    final List<String> sent = new CopyOnWriteArrayList<>();

    OutboxDispatcher<List<OutboxMessage>> dispatcher(Predicate<OutboxMessage> broker) {
        return new OutboxDispatcher<>(
                "thing",
                m -> {
                    boolean acked = broker.test(m);
                    if (acked) {
                        sent.add(m.eventId());
                    }
                    return acked;
                },
                documents.store(),
                Runnable::run,
                CLOCK);
    }

    @Test
    void sendsInOrderAndRemovesEachEventOnlyAfterItsAck() {
        documents.add("a", "e1", "e2", "e3");

        boolean done = dispatcher(m -> !m.eventId().equals("e2")).publishPending("a");

        assertThat(done).isFalse();
        assertThat(sent).containsExactly("e1");
        assertThat(documents.pending.get("a"))
                .extracting(OutboxMessage::eventId)
                .containsExactly("e2", "e3");
    }

    @Test
    void aMissingAggregateHasNothingPending() {
        assertThat(dispatcher(m -> true).publishPending("gone")).isTrue();
    }

    @Test
    void theRelayPausesAfterThreeFailuresInARowButNotAfterAnIsolatedOne() {
        for (String id : List.of("a", "b", "c", "d", "e", "f")) {
            documents.add(id, id + "1");
        }
        List<String> failing = List.of("a1", "c1", "d1", "e1");

        int done = dispatcher(m -> !failing.contains(m.eventId())).relay(List.of("a", "b", "c", "d", "e", "f"));

        assertThat(done).isEqualTo(1);
        assertThat(sent).containsExactly("b1");
        assertThat(documents.pending.get("f")).hasSize(1);
    }

    @Test
    void theSweepPublishesOnlyWhatWaitedSinceBeforeItsInstantInOneBoundedBatch() {
        documents.add("old", "o1");
        documents.pending.put(
                "young",
                List.of(new OutboxMessage(
                        "y1", "out-0", "t.v1", "young", "{}", Instant.parse("2026-01-02T00:00:00Z"))));
        Instant cutoff = Instant.parse("2026-01-01T00:00:00Z");

        int done = dispatcher(m -> true).sweep(Duration.between(cutoff, CLOCK.instant()));

        assertThat(done).isEqualTo(1);
        assertThat(sent).containsExactly("o1");
        assertThat(documents.pending.get("young")).hasSize(1);
        assertThat(documents.sweepQueries).containsExactly(List.of(cutoff, OutboxDispatcher.SWEEP_BATCH));
    }

    @Test
    void aPublicationRequestedWhileOneRunsRunsAgainAfterIt() {
        documents.add("a", "e1");
        AtomicReference<OutboxDispatcher<List<OutboxMessage>>> holder = new AtomicReference<>();
        List<Boolean> nested = new ArrayList<>();
        holder.set(dispatcher(m -> {
            if (m.eventId().equals("e1")) {
                // a second writer adds an event while the first publication is sending
                documents.pending.put(
                        "a",
                        new ArrayList<>(
                                List.of(m, new OutboxMessage("e2", "out-0", "t.v1", "a", "{}", Instant.EPOCH))));
                nested.add(holder.get().publishPending("a"));
            }
            return true;
        }));

        assertThat(holder.get().publishPending("a")).isTrue();

        assertThat(nested).containsExactly(false);
        assertThat(sent).containsExactly("e1", "e2");
        assertThat(documents.pending.get("a")).isEmpty();
    }

    @Test
    void aFullExecutorLeavesTheAggregateToTheRelay() {
        documents.add("a", "e1");
        OutboxDispatcher<List<OutboxMessage>> full = new OutboxDispatcher<>(
                "thing",
                m -> true,
                documents.store(),
                task -> {
                    throw new RejectedExecutionException("full");
                },
                CLOCK);

        full.publishSoon("a");
        full.publishWritten("a", documents.pending.get("a"));

        assertThat(documents.pending.get("a")).hasSize(1);
    }
}
