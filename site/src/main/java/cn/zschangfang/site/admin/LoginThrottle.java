package cn.zschangfang.site.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Failed admin-token entries per client IP in a sliding window: past the limit the sign-in page stops checking
 * tokens for that IP until the oldest failure leaves the window. Per instance (a guesser spread over N instances gets
 * N times the budget, still hopeless against a random token); behind the gateway the IP is X-Forwarded-For's.
 */
@Component
class LoginThrottle {

    /** Past this many tracked addresses, those whose window has emptied are dropped before a new one is added. */
    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final AdminProperties properties;
    private final Clock clock;

    LoginThrottle(AdminProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    boolean blocked(String ip) {
        Deque<Instant> recent = failures.get(ip);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size() >= properties.maxFailedLogins();
        }
    }

    void failed(String ip) {
        if (failures.size() >= MAX_TRACKED) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue());
                    return e.getValue().isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(ip, k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
        }
    }

    void succeeded(String ip) {
        failures.remove(ip);
    }

    private void prune(Deque<Instant> recent) {
        Instant cutoff = clock.instant().minus(properties.failedLoginWindow());
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
            recent.removeFirst();
        }
    }
}
