package cn.zschangfang.lead.web;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An error the client can act on; {@link ProblemAdvice} turns it into a ProblemDetail with type
 * {@code https://zschangfang.cn/problems/<slug>}. The title is fixed text, never an exception message.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String slug, String title) {
        this(status, slug, title, List.of(), null);
    }

    public ApiException(HttpStatus status, String slug, String title, List<FieldError> errors, Duration retryAfter) {
        super(slug, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /** One invalid field: a stable {@code code} for programs, a Chinese {@code message} for people. */
    public record FieldError(String field, String code, String message) {}

    public static ApiException validation(List<FieldError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation", "请求内容有误", errors, null);
    }

    public static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "未找到");
    }

    public static ApiException unauthorized() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "需要登录");
    }

    public static ApiException forbidden() {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "无权访问");
    }

    public static ApiException rateLimited(Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "提交过于频繁，请稍后再试", List.of(), retryAfter);
    }

    public static ApiException conflict(String title) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", title);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
