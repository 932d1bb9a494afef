package cn.zschangfang.platform.problem;

import jakarta.validation.ConstraintViolation;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error the client can act on, rendered by {@link ProblemAdvice} as an RFC 9457 problem of one {@link
 * ProblemType}. Title and detail are fixed texts chosen by the code that throws, never an exception message; the
 * stack trace is not filled in (this is control flow, not a bug).
 *
 * <pre>{@code
 * throw ApiException.notFound();
 * throw ApiException.conflict("当前状态不允许该变更");
 * throw ApiException.invalid("phone", FieldCode.INVALID_PHONE);
 * throw ApiException.validation(List.of(new ApiException.FieldError("town", "unknown_town", "未知的镇街")));
 * }</pre>
 */
public class ApiException extends ErrorResponseException {

    /** One entry of a problem's {@code errors} array: a stable snake_case {@code code}, a Chinese {@code message}. */
    public record FieldError(String field, String code, String message) {

        public static FieldError of(String field, FieldCode code) {
            return new FieldError(field, code.code(), code.message());
        }

        public static FieldError of(String field, FieldCode code, String message) {
            return new FieldError(field, code.code(), message);
        }

        /** A Bean Validation violation validated by hand (a list body), with the same code the advice would use. */
        public static FieldError of(String field, ConstraintViolation<?> violation) {
            return ConstraintCodes.fieldError(field, violation);
        }
    }

    private final ProblemType type;
    private final List<FieldError> errors;

    public ApiException(ProblemType type, String detail, List<FieldError> errors, Duration retryAfter) {
        super(type.status(), Problems.of(type, detail), null);
        this.type = type;
        this.errors = List.copyOf(errors);
        if (!this.errors.isEmpty()) {
            getBody().setProperty("errors", this.errors);
        }
        if (retryAfter != null) {
            getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
    }

    public ApiException(ProblemType type) {
        this(type, null, List.of(), null);
    }

    public ApiException(ProblemType type, List<FieldError> errors) {
        this(type, null, errors, null);
    }

    public static ApiException validation(List<FieldError> errors) {
        return new ApiException(ProblemType.VALIDATION, errors);
    }

    public static ApiException invalid(String field, FieldCode code) {
        return validation(List.of(FieldError.of(field, code)));
    }

    public static ApiException invalid(String field, FieldCode code, String message) {
        return validation(List.of(FieldError.of(field, code, message)));
    }

    public static ApiException notFound() {
        return new ApiException(ProblemType.NOT_FOUND);
    }

    /** {@code detail}: a fixed Chinese sentence saying what conflicts, shown to the user. */
    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail, List.of(), null);
    }

    public static ApiException unauthorized() {
        return new ApiException(ProblemType.UNAUTHORIZED);
    }

    public static ApiException forbidden() {
        return new ApiException(ProblemType.FORBIDDEN);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail, List.of(), null);
    }

    public static ApiException payloadTooLarge() {
        return new ApiException(ProblemType.PAYLOAD_TOO_LARGE);
    }

    public static ApiException rateLimited(Duration retryAfter) {
        return new ApiException(ProblemType.RATE_LIMITED, null, List.of(), retryAfter);
    }

    public static ApiException unavailable() {
        return new ApiException(ProblemType.UNAVAILABLE, null, List.of(), Problems.RETRY_AFTER);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The body as sent; the advice adds nothing but headers. */
    public ProblemDetail problem() {
        return getBody();
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
