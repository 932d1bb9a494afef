package cn.zschangfang.site.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Dates as the portal shows them, in Zhongshan's time zone: {@code 2024-09-27} and "1年前" as on the seed page.
 * Templates reach it as model attribute {@code fmt}.
 */
public final class Dates {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Clock clock;

    public Dates(Clock clock) {
        this.clock = clock;
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(ZONE));
    }

    /** 刚刚, 5分钟前, 3小时前, 2天前, 4个月前, 1年前. */
    public String relative(Instant instant) {
        if (instant == null) {
            return "";
        }
        Instant now = clock.instant();
        Duration ago = Duration.between(instant, now);
        if (ago.isNegative() || ago.toMinutes() < 1) {
            return "刚刚";
        }
        if (ago.toHours() < 1) {
            return ago.toMinutes() + "分钟前";
        }
        if (ago.toDays() < 1) {
            return ago.toHours() + "小时前";
        }
        Period period = Period.between(instant.atZone(ZONE).toLocalDate(), LocalDate.ofInstant(now, ZONE));
        if (period.getYears() > 0) {
            return period.getYears() + "年前";
        }
        if (period.getMonths() > 0) {
            return period.getMonths() + "个月前";
        }
        return Math.max(1, period.getDays()) + "天前";
    }
}
