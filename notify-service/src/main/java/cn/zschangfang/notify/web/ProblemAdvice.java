package cn.zschangfang.notify.web;

import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place errors become RFC 9457 ProblemDetails with stable {@code type} URIs. Exception messages are never
 * echoed: titles are fixed strings, field errors name the field and the violated rule.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final String BASE = "https://zschangfang.cn/problems/";

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
        ProblemDetail pd = ProblemDetail.forStatus(e.status());
        pd.setType(URI.create(BASE + e.slug()));
        pd.setTitle(e.title());
        if (!e.errors().isEmpty()) {
            pd.setProperty("errors", e.errors());
        }
        return respond(pd);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        pd.setType(URI.create(BASE + "internal"));
        pd.setTitle("Internal error");
        return respond(pd);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiProblem.FieldError(f.getField(), f.getCode(), f.getDefaultMessage()))
                .toList();
        return cast(apiProblem(ApiProblem.validation(errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new ApiProblem.FieldError(
                                r.getMethodParameter().getParameterName(),
                                err.getCodes() == null || err.getCodes().length == 0
                                        ? "Invalid"
                                        : err.getCodes()[err.getCodes().length - 1],
                                err.getDefaultMessage())))
                .toList();
        return cast(apiProblem(ApiProblem.validation(errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        pd.setType(URI.create(BASE + "malformed-json"));
        pd.setTitle("Malformed JSON or wrong value type");
        String field = fieldOf(ex);
        if (field != null) {
            pd.setProperty("errors", List.of(new ApiProblem.FieldError(field, "Type", "wrong type or format")));
        }
        return cast(respond(pd));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail pd = ProblemDetail.forStatus(statusCode);
        pd.setType(URI.create(BASE + slugOf(statusCode.value())));
        pd.setTitle(
                HttpStatus.resolve(statusCode.value()) == null
                        ? "Error"
                        : HttpStatus.resolve(statusCode.value()).getReasonPhrase());
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.putAll(headers);
        }
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(pd, out, statusCode);
    }

    static String slugOf(int status) {
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
            default -> status >= 500 ? "internal" : "bad-request";
        };
    }

    private static String fieldOf(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof tools.jackson.databind.DatabindException de
                && !de.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (var ref : de.getPath()) {
                if (ref.getPropertyName() != null) {
                    sb.append(sb.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            return sb.isEmpty() ? null : sb.toString();
        }
        return null;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail pd) {
        return ResponseEntity.status(pd.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> e) {
        return (ResponseEntity) e;
    }
}
