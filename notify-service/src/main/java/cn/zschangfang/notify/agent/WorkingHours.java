package cn.zschangfang.notify.agent;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * One working-hours window, e.g. {@code {"days":["MON","TUE"],"from":"08:30","to":"18:00"}} in the routing zone.
 * A window whose {@code to} is before {@code from} spans midnight.
 */
public record WorkingHours(
        @NotEmpty List<String> days,
        @NotNull LocalTime from,
        @NotNull LocalTime to) {

    public boolean contains(ZonedDateTime at) {
        LocalTime t = at.toLocalTime();
        if (!from.isAfter(to)) {
            return hasDay(at.getDayOfWeek()) && !t.isBefore(from) && t.isBefore(to);
        }
        // overnight window: the evening belongs to the listed day, the early morning to the day after it
        return (hasDay(at.getDayOfWeek()) && !t.isBefore(from))
                || (hasDay(at.getDayOfWeek().minus(1)) && t.isBefore(to));
    }

    private boolean hasDay(DayOfWeek day) {
        String abbreviation = day.name().substring(0, 3);
        return days.stream().anyMatch(d -> d.toUpperCase(Locale.ROOT).startsWith(abbreviation));
    }

    /** True when {@code days} names only real weekdays (MON…SUN or MONDAY…SUNDAY). */
    public boolean daysValid() {
        return days.stream().allMatch(d -> {
            String u = d == null ? "" : d.toUpperCase(Locale.ROOT);
            return u.length() >= 3
                    && java.util.Arrays.stream(DayOfWeek.values())
                            .anyMatch(w -> w.name().startsWith(u));
        });
    }
}
