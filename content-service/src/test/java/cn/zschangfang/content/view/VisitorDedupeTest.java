package cn.zschangfang.content.view;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.platform.shared.InMemorySharedStore;
import cn.zschangfang.platform.test.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VisitorDedupeTest {

    @Test
    void oneVisitorCountsOncePerArticlePer30MinutesAndRepeatsDoNotExtendTheWindow() {
        ManualClock clock = new ManualClock();
        VisitorDedupe dedupe = new VisitorDedupe(new InMemorySharedStore(1000, clock), Duration.ofMinutes(30));

        assertThat(dedupe.firstInWindow("a1", "v1")).isTrue();
        assertThat(dedupe.firstInWindow("a1", "v1")).isFalse();
        assertThat(dedupe.firstInWindow("a2", "v1")).isTrue();
        assertThat(dedupe.firstInWindow("a1", "v2")).isTrue();

        clock.advance(Duration.ofMinutes(29));
        assertThat(dedupe.firstInWindow("a1", "v1")).isFalse();

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
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
