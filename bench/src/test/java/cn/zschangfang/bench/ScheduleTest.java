package cn.zschangfang.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    private final Schedule schedule = new Schedule(1_000L, 200, 5_000_000_000L, 20_000_000_000L);

    @Test
    void requestsAreDueAtFixedIntervalsFromTheStartWhateverHappened() {
        assertThat(schedule.intendedStart(0)).isEqualTo(1_000L);
        assertThat(schedule.intendedStart(1)).isEqualTo(1_000L + 5_000_000L);
        assertThat(schedule.intendedStart(200)).isEqualTo(1_000L + 1_000_000_000L);
    }

    @Test
    void countsWarmUpAndMeasuredWindowTogether() {
        assertThat(schedule.count()).isEqualTo(5_000);
        assertThat(schedule.measuredSeconds()).isEqualTo(20);
    }

    @Test
    void theWarmUpIsNotMeasuredAndSecondsCountFromItsEnd() {
        assertThat(schedule.measured(schedule.intendedStart(999))).isFalse();
        assertThat(schedule.measured(schedule.intendedStart(1_000))).isTrue();
        assertThat(schedule.secondOf(schedule.intendedStart(1_000))).isZero();
        assertThat(schedule.secondOf(schedule.intendedStart(1_199))).isZero();
        assertThat(schedule.secondOf(schedule.intendedStart(1_200))).isEqualTo(1);
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> new Schedule(0, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
