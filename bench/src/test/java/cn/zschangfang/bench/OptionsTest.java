package cn.zschangfang.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void runsEveryScenarioByDefault() {
        Options options = Options.parse();
        assertThat(options.only()).containsExactlyElementsOf(Options.SCENARIOS);
        assertThat(options.warmup().toSeconds()).isEqualTo(5);
        assertThat(options.longMeasure().toSeconds()).isEqualTo(60);
    }

    @Test
    void onlyAndQuickNarrowTheRun() {
        Options options = Options.parse("--only", "speed-to-lead,footprint", "--quick", "--label", "before");
        assertThat(options.runs("speed-to-lead")).isTrue();
        assertThat(options.runs("gateway-overhead")).isFalse();
        assertThat(options.measure().toSeconds()).isEqualTo(5);
        assertThat(options.label()).isEqualTo("before");
    }

    @Test
    void refusesAnUnknownScenario() {
        assertThatThrownBy(() -> Options.parse("--only", "nope")).hasMessageContaining("unknown scenario");
    }

    @Test
    void findsEveryLeadIdInARobotMessageDigestsIncluded() {
        String body = "{\"markdown\":{\"content\":\"询盘汇总：2 条\\n编号 3f2c-11 东区\\n编号 9a-b2\"}}";
        assertThat(RobotReceiver.leadIds(body)).containsExactly("3f2c-11", "9a-b2");
    }

    @Test
    void leadsHaveDistinctValidMobiles() {
        Leads leads = new Leads("r", 29_000_000L);
        assertThat(leads.phone(0)).matches("1[3-9]\\d{9}");
        assertThat(leads.phone(99_999)).matches("1[3-9]\\d{9}").isNotEqualTo(leads.phone(0));
        assertThat(Leads.TOWNS).containsAll(Leads.FREE_TOWNS);
    }
}
