package cn.zschangfang.platform.problem;

import java.time.Duration;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Building blocks every problem response shares, whether it leaves through the advice or a servlet filter. */
public final class Problems {

    /** What a client is told to wait after a 503 whose cause gives no better figure. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /**
     * Exceptions that mean "a data store or the broker is unreachable", matched by name (and superclass name) so that
     * the platform needs neither the MongoDB driver nor Kafka on its class path.
     */
    private static final Set<String> UNAVAILABLE = Set.of(
            "org.springframework.dao.DataAccessResourceFailureException",
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoTimeoutException",
            "org.apache.kafka.common.errors.TimeoutException",
            "org.apache.kafka.common.errors.NetworkException");

    private Problems() {}

    /** A problem of {@code type}; {@code detail} must be fixed text (Chinese), never an exception message. */
    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(type.status());
        problem.setType(type.uri());
        problem.setTitle(type.title());
        if (detail != null) {
            problem.setDetail(detail);
        }
        return problem;
    }

    public static ProblemDetail of(ProblemType type) {
        return of(type, null);
    }

    /**
     * The headers every problem response carries: the media type, no caching, {@code WWW-Authenticate: Bearer} on
     * 401 (RFC 6750), a {@code Retry-After} on 503 unless one is set.
     */
    public static HttpHeaders headers(int status, HttpHeaders given) {
        HttpHeaders out = new HttpHeaders();
        if (given != null) {
            out.putAll(given);
        }
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        out.setCacheControl("no-store");
        if (status == 401 && !out.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
            out.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (status == 503 && !out.containsHeader(HttpHeaders.RETRY_AFTER)) {
            out.set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        }
        return out;
    }

    /** True when {@code error} or one of its causes says that MongoDB or Kafka cannot be reached. */
    public static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (UNAVAILABLE.contains(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
