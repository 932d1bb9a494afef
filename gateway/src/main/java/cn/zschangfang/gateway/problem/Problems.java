package cn.zschangfang.gateway.problem;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** The stable RFC 9457 problem types of the platform ({@code https://zschangfang.cn/problems/<slug>}). */
public final class Problems {

    public static final String BASE = "https://zschangfang.cn/problems/";

    private Problems() {}

    /** A problem with the platform's type URI for {@code slug}; {@code detail} must never carry exception text. */
    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(BASE + slug));
        problem.setTitle(title);
        if (detail != null) {
            problem.setDetail(detail);
        }
        return problem;
    }

    /** The slug used when a framework exception only tells us the status. */
    public static String slugFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 502 -> "bad-gateway";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> status >= 500 ? "internal" : "bad-request";
        };
    }
}
