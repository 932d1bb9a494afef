package cn.zschangfang.content.stats;

import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.FieldCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Traffic statistics for dashboards. Anonymous like the rest of the read API (they hold no personal data); put
 * them behind the gateway's manager auth if traffic figures are confidential.
 */
@RestController
@RequestMapping("/api/content/stats")
@Validated
public class StatsController {

    private static final Map<String, Duration> WINDOWS =
            Map.of("1h", Duration.ofHours(1), "24h", Duration.ofHours(24), "7d", Duration.ofDays(7));
    private static final CacheControl SHORT =
            CacheControl.maxAge(Duration.ofSeconds(10)).cachePublic();

    private final TrafficStats stats;

    public StatsController(TrafficStats stats) {
        this.stats = stats;
    }

    /** Response of {@code /top}. */
    public record Top(String window, List<TrafficStats.TopArticle> items) {}

    /** Response of {@code /traffic}. */
    public record Traffic(int minutes, long total, List<TrafficStats.Point> series) {}

    /** Response of {@code /visitors}. */
    public record Visitors(int days, List<TrafficStats.DayVisitors> series) {}

    @GetMapping("/top")
    public ResponseEntity<Top> top(
            @RequestParam(defaultValue = "24h") String window,
            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
        Duration d = WINDOWS.get(window);
        if (d == null) {
            throw ApiException.invalid("window", FieldCode.INVALID_VALUE, "统计窗口应为 1h、24h 或 7d");
        }
        return ResponseEntity.ok().cacheControl(SHORT).body(new Top(window, stats.top(d, limit)));
    }

    @GetMapping("/traffic")
    public ResponseEntity<Traffic> traffic(@RequestParam(defaultValue = "60") @Min(1) @Max(1440) int minutes) {
        List<TrafficStats.Point> series = stats.perMinute(minutes);
        long total = series.stream().mapToLong(TrafficStats.Point::views).sum();
        return ResponseEntity.ok().cacheControl(SHORT).body(new Traffic(minutes, total, series));
    }

    @GetMapping("/visitors")
    public ResponseEntity<Visitors> visitors(@RequestParam(defaultValue = "7") @Min(1) @Max(90) int days) {
        return ResponseEntity.ok().cacheControl(SHORT).body(new Visitors(days, stats.visitorsPerDay(days)));
    }
}
