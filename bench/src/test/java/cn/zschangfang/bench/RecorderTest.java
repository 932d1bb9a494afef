package cn.zschangfang.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecorderTest {

    @Test
    void countsRejectionsErrorsAndOtherStatusesByCodeApartFromSuccesses() {
        Recorder recorder = new Recorder(3);
        recorder.record(0, 1_000_000, 201);
        recorder.record(0, 2_000_000, 429);
        recorder.record(1, 3_000_000, 500);
        recorder.record(1, 3_000_000, 504);
        recorder.record(1, 3_000_000, 504);
        recorder.record(2, 4_000_000, -1);
        StepResult result = StepResult.of("x", 10, 2, recorder);
        assertThat(result.ok()).isEqualTo(1);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.otherStatus()).isEqualTo(3);
        assertThat(result.otherStatusDetail()).isEqualTo("3 (500: 1, 504: 2)");
        assertThat(result.errors()).isEqualTo(1);
        assertThat(result.okPerSecond()).isEqualTo(0.5);
        assertThat(result.answeredPerSecond()).isEqualTo(3.0);
    }

    @Test
    void keepsOneHistogramPerSecondAndClampsOutOfRangeSeconds() {
        Recorder recorder = new Recorder(2);
        recorder.record(0, 10_000_000, 200);
        recorder.record(1, 20_000_000, 200);
        recorder.record(7, 30_000_000, 200);
        StepResult result = StepResult.of("x", 10, 2, recorder);
        assertThat(result.perSecond().get(0).getTotalCount()).isEqualTo(1);
        assertThat(result.perSecond().get(1).getTotalCount()).isEqualTo(2);
        assertThat(result.millis(50)).isBetween(19.9, 20.1);
        assertThat(result.maxMillis()).isBetween(29.9, 30.1);
    }

    @Test
    void anEmptyStepHasNoPercentiles() {
        StepResult result = StepResult.of("x", 10, 2, new Recorder(2));
        assertThat(result.millis(50)).isNaN();
        assertThat(Report.ms(result.millis(50))).isEqualTo("–");
    }
}
