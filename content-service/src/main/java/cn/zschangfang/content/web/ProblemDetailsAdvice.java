package cn.zschangfang.content.web;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * The one place that turns every error into an RFC 9457 ProblemDetail with a stable {@code type}. Exception messages
 * are never echoed: titles and details are fixed texts, field errors name the field and a code.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = "https://zschangfang.cn/problems/";
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final Map<Integer, String> TYPES = Map.of(
            400, "bad-request",
            401, "unauthorized",
            403, "forbidden",
            404, "not-found",
            405, "method-not-allowed",
            406, "not-acceptable",
            409, "conflict",
            413, "payload-too-large",
            415, "unsupported-media-type",
            429, "rate-limited");

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException ex) {
        ProblemDetail pd = problem(ex.status(), ex.problemType(), titleFor(ex.status(), ex.problemType()));
        if (!ex.errors().isEmpty()) {
            pd.setProperty("errors", ex.errors());
        }
        HttpHeaders headers = new HttpHeaders();
        if (ex.status() == HttpStatus.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return respond(pd, headers);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException ex) {
        List<ApiException.FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new ApiException.FieldProblem(
                        lastNode(v.getPropertyPath().toString()),
                        v.getConstraintDescriptor()
                                .getAnnotation()
                                .annotationType()
                                .getSimpleName(),
                        v.getMessage()))
                .toList();
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request");
        pd.setProperty("errors", errors);
        return respond(pd, new HttpHeaders());
    }

    /** MongoDB unreachable or timing out: the client may retry, it is not a bug. */
    @ExceptionHandler({DataAccessResourceFailureException.class, MongoTimeoutException.class, MongoSocketException.class
    })
    ResponseEntity<Object> unavailable(Exception ex) {
        log.warn("Data store unavailable: {}", ex.getClass().getSimpleName());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service Unavailable"), headers);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unhandled error", ex);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error"), new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiException.FieldProblem> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            errors.add(new ApiException.FieldProblem(fe.getField(), fe.getCode(), fe.getDefaultMessage()));
        }
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(ge -> errors.add(
                        new ApiException.FieldProblem(ge.getObjectName(), ge.getCode(), ge.getDefaultMessage())));
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request");
        pd.setProperty("errors", errors);
        return respond(pd, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiException.FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults()
                .forEach(r -> r.getResolvableErrors()
                        .forEach(e -> errors.add(new ApiException.FieldProblem(
                                r.getMethodParameter().getParameterName(),
                                e.getCodes() == null || e.getCodes().length == 0
                                        ? "invalid"
                                        : lastNode(e.getCodes()[e.getCodes().length - 1]),
                                e.getDefaultMessage()))));
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request");
        pd.setProperty("errors", errors);
        return respond(pd, headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request");
        pd.setProperty("errors", List.of(new ApiException.FieldProblem(field, "type", "has the wrong type")));
        return respond(pd, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException) {
                return api(ApiException.payloadTooLarge());
            }
        }
        if (ex.getCause() instanceof DatabindException de && !de.getPath().isEmpty()) {
            String field = de.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request");
            pd.setProperty(
                    "errors", List.of(new ApiException.FieldProblem(field, "type", "has the wrong type or format")));
            return respond(pd, headers);
        }
        return respond(problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON"), headers);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // Every framework exception ends here: replace its detail (which may quote input) with a fixed problem.
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        String type = TYPES.getOrDefault(status.value(), status.is5xxServerError() ? "internal" : "bad-request");
        if (status.is5xxServerError()) {
            log.error("Framework error", ex);
        }
        return respond(problem(status, type, titleFor(status, type)), headers);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title) {
        ProblemDetail pd = ProblemDetail.forStatus(status);
        pd.setType(URI.create(TYPE_BASE + type));
        pd.setTitle(title);
        return pd;
    }

    private static String titleFor(HttpStatus status, String type) {
        return switch (type) {
            case "validation" -> "Invalid request";
            case "malformed-json" -> "Malformed JSON";
            default -> status.getReasonPhrase();
        };
    }

    private static ResponseEntity<Object> respond(ProblemDetail pd, HttpHeaders headers) {
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.putAll(headers);
        }
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        out.setCacheControl("no-store");
        return ResponseEntity.status(pd.getStatus()).headers(out).body(pd);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
