package cn.zschangfang.content.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A client error with a stable problem type; its message is never sent to the client (the advice uses fixed
 * titles), so callers may put diagnostic text in it.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String problemType;
    private final List<FieldProblem> errors;

    public ApiException(HttpStatus status, String problemType, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.problemType = problemType;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " not found", List.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", detail, List.of());
    }

    public static ApiException unauthorized() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "Missing or invalid bearer token", List.of());
    }

    public static ApiException payloadTooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large", List.of());
    }

    public static ApiException invalid(String field, String code, String message) {
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Invalid request",
                List.of(new FieldProblem(field, code, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public String problemType() {
        return problemType;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** One entry of a validation problem's {@code errors} array. */
    public record FieldProblem(String field, String code, String message) {}
}
