package cn.zschangfang.content.view;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.platform.shared.InMemorySharedStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VisitorDedupeTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void oneVisitorCountsOncePerArticlePer30MinutesAndRepeatsDoNotExtendTheWindow() {
        ManualClock clock = new ManualClock();
        VisitorDedupe dedupe = new VisitorDedupe(new InMemorySharedStore(1000, clock), Duration.ofMinutes(30));

        assertThat(dedupe.firstInWindow("a1", "v1")).isTrue();
        assertThat(dedupe.firstInWindow("a1", "v1")).isFalse();
        assertThat(dedupe.firstInWindow("a2", "v1")).isTrue();
        assertThat(dedupe.firstInWindow("a1", "v2")).isTrue();

        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(dedupe.firstInWindow("a1", "v1")).isFalse();

        clock.now = clock.now.plus(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(dedupe.firstInWindow("a1", "v1")).isTrue();
        assertThat(dedupe.firstInWindow("a1", "v1")).isFalse();
    }

    @Test
    void forgottenPairCountsAgain() {
        VisitorDedupe dedupe =
                new VisitorDedupe(new InMemorySharedStore(1000, new ManualClock()), Duration.ofMinutes(30));
        assertThat(dedupe.firstInWindow("a1", "v1")).isTrue();
        dedupe.forget("a1", "v1");
        assertThat(dedupe.firstInWindow("a1", "v1")).isTrue();
    }
}
