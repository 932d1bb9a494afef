package cn.zschangfang.notify.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static ZonedDateTime at(String isoLocal) {
        return java.time.LocalDateTime.parse(isoLocal).atZone(SHANGHAI);
    }

    @Test
    void weekdayOfficeHoursInShanghai() {
        var hours =
                new WorkingHours(List.of("MON", "TUE", "WED", "THU", "FRI"), LocalTime.of(8, 30), LocalTime.of(18, 0));
        assertThat(hours.contains(at("2026-03-02T08:30"))).isTrue(); // Monday opening minute
        assertThat(hours.contains(at("2026-03-02T17:59"))).isTrue();
        assertThat(hours.contains(at("2026-03-02T18:00"))).isFalse();
        assertThat(hours.contains(at("2026-03-02T08:29"))).isFalse();
        assertThat(hours.contains(at("2026-03-07T10:00"))).isFalse(); // Saturday
    }

    @Test
    void utcInstantIsJudgedInShanghaiTime() {
        var earlyMonday = new WorkingHours(List.of("MON"), LocalTime.of(0, 0), LocalTime.of(8, 0));
        // still Sunday in UTC, already Monday 01:00 in Shanghai
        ZonedDateTime sundayUtc = ZonedDateTime.parse("2026-03-01T17:00:00Z");
        assertThat(earlyMonday.contains(sundayUtc.withZoneSameInstant(SHANGHAI)))
                .isTrue();
        assertThat(earlyMonday.contains(sundayUtc)).isFalse();
    }

    @Test
    void overnightWindowBelongsToTheDayItStarts() {
        var night = new WorkingHours(List.of("FRI"), LocalTime.of(22, 0), LocalTime.of(2, 0));
        assertThat(night.contains(at("2026-03-06T23:00"))).isTrue(); // Friday night
        assertThat(night.contains(at("2026-03-07T01:00"))).isTrue(); // early Saturday
        assertThat(night.contains(at("2026-03-07T03:00"))).isFalse();
        assertThat(night.contains(at("2026-03-05T23:00"))).isFalse(); // Thursday night
    }

    @Test
    void dayNamesAreValidated() {
        assertThat(new WorkingHours(List.of("MON", "Tuesday"), LocalTime.NOON, LocalTime.MIDNIGHT).daysValid())
                .isTrue();
        assertThat(new WorkingHours(List.of("MOX"), LocalTime.NOON, LocalTime.MIDNIGHT).daysValid())
                .isFalse();
        assertThat(new WorkingHours(List.of("M"), LocalTime.NOON, LocalTime.MIDNIGHT).daysValid())
                .isFalse();
    }
}
