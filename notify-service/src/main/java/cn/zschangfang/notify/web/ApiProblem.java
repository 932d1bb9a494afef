package cn.zschangfang.notify.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A deliberate 4xx answer; turned into a ProblemDetail by {@link ProblemAdvice}. Carries no exception text. */
public class ApiProblem extends RuntimeException {

    /** One entry of the {@code errors} array of a validation problem. */
    public record FieldError(String field, String code, String message) {}

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, String slug, String title, List<FieldError> errors) {
        super(slug, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Unknown " + what, List.of());
    }

    public static ApiProblem conflict(String field, String message) {
        return new ApiProblem(
                HttpStatus.CONFLICT, "conflict", "Conflict", List.of(new FieldError(field, "Conflict", message)));
    }

    public static ApiProblem validation(List<FieldError> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", errors);
    }

    public static ApiProblem unauthorized() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Missing or invalid bearer token", List.of());
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
}
