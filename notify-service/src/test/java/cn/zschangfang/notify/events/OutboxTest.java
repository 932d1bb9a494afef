package cn.zschangfang.notify.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.zschangfang.notify.support.WireDatabase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outbox's records on the MongoDB-wire server: stored once, kept until sent, re-sent oldest first. */
class OutboxTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    @RegisterExtension
    final WireDatabase database = new WireDatabase("outbox");

    private Outbox outbox;

    @BeforeEach
    void setUp() {
        outbox = new Outbox(database.mongo());
    }

    private static OutboxRecord record(String eventId, Instant createdAt) {
        return new OutboxRecord(eventId, "b", "t", "k", "{}", createdAt, 0);
    }

    @Test
    void anEventIdIsStoredOnce() {
        assertThat(outbox.insertOnce(record("e1", T0))).isTrue();

        assertThat(outbox.insertOnce(record("e1", T0.plusSeconds(1)))).isFalse();
        assertThat(outbox.waiting(T0.plusSeconds(10), 200))
                .extracting(OutboxRecord::createdAt)
                .containsExactly(T0);
    }

    @Test
    void waitingIsWhatWasStoredBeforeTheCutOffOldestFirstUntilSent() {
        outbox.insertOnce(record("late", T0.plusSeconds(20)));
        outbox.insertOnce(record("second", T0.plusSeconds(5)));
        outbox.insertOnce(record("first", T0));
        outbox.insertOnce(record("third", T0.plusSeconds(9)));

        assertThat(outbox.waiting(T0.plusSeconds(10), 2))
                .extracting(OutboxRecord::eventId)
                .containsExactly("first", "second");

        outbox.failed("first");
        outbox.sent("second");

        assertThat(outbox.waiting(T0.plusSeconds(10), 200))
                .extracting(OutboxRecord::eventId, OutboxRecord::tries)
                .containsExactly(tuple("first", 1), tuple("third", 0));
    }
}
