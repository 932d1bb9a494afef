package cn.zschangfang.site.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Formatting of JSON values (ISO instants, numbers) in the back office's pages, as {@code ${ax.…}}. */
public final class AdminText {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    /** {@code 2026-12-02 08:58} (Beijing time) of an ISO instant; "—" when absent or unreadable. */
    public String time(Object iso) {
        if (iso == null || iso.toString().isBlank()) {
            return "—";
        }
        try {
            return MINUTE.format(Instant.parse(iso.toString()));
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }

    /** A number without a trailing ".0"; "—" when absent. */
    public String number(Object n) {
        if (n == null) {
            return "—";
        }
        try {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return n.toString();
        }
    }

    /** Days since an ISO instant (for "核实于 N 天前"); -1 when absent. */
    public long daysSince(Object iso) {
        if (iso == null) {
            return -1;
        }
        try {
            return java.time.Duration.between(Instant.parse(iso.toString()), Instant.now())
                    .toDays();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
