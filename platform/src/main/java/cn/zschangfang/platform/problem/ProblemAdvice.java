package cn.zschangfang.platform.problem;

import cn.zschangfang.platform.web.PayloadTooLargeException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where every error of a service becomes an RFC 9457 problem of the {@link ProblemType} vocabulary.
 * Exception messages are never echoed: titles come from the vocabulary, details are fixed texts, field errors name
 * the field and a {@link FieldCode}. Registered by the platform's auto-configuration unless a service declares a
 * subclass for the few cases that are its own (the gateway's unreachable downstream).
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : ex.getConstraintViolations()) {
            errors.add(ConstraintCodes.fieldError(lastNode(v.getPropertyPath().toString()), v));
        }
        return respond(ApiException.validation(errors).problem(), null);
    }

    /** Anything else: a data store or broker that cannot be reached is a 503 to retry, the rest a logged 500. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception ex) {
        if (Problems.isUnavailable(ex)) {
            // The class name only: messages of driver exceptions carry hosts and sometimes query values.
            log.warn("Dependency unavailable: {}", ex.getClass().getSimpleName());
            return respond(Problems.of(ProblemType.UNAVAILABLE), null);
        }
        log.error("Unhandled error", ex);
        return respond(Problems.of(ProblemType.INTERNAL), null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        Object target = ex.getBindingResult().getTarget();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            errors.add(fieldError(JsonPaths.of(target == null ? null : target.getClass(), fe.getField()), fe));
        }
        for (ObjectError ge : ex.getBindingResult().getGlobalErrors()) {
            errors.add(fieldError(ge.getObjectName(), ge));
        }
        return respond(ApiException.validation(errors).problem(), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults()
                .forEach(r -> r.getResolvableErrors().forEach(e -> {
                    String field = r.getMethodParameter().getParameterName();
                    try {
                        errors.add(ConstraintCodes.fieldError(field, r.unwrap(e, ConstraintViolation.class)));
                    } catch (IllegalArgumentException notFromBeanValidation) {
                        errors.add(ApiException.FieldError.of(field, FieldCode.INVALID_VALUE));
                    }
                }));
        return respond(ApiException.validation(errors).problem(), headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        return respond(ApiException.invalid(field, FieldCode.INVALID_TYPE).problem(), headers);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return respond(
                ApiException.invalid(ex.getParameterName(), FieldCode.REQUIRED).problem(), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException) {
                return respond(Problems.of(ProblemType.PAYLOAD_TOO_LARGE), closing(headers));
            }
        }
        if (ex.getCause() instanceof DatabindException de && !de.getPath().isEmpty()) {
            FieldCode code =
                    de instanceof UnrecognizedPropertyException ? FieldCode.UNKNOWN_FIELD : FieldCode.INVALID_TYPE;
            return respond(ApiException.invalid(JsonPaths.of(de), code).problem(), headers);
        }
        return respond(Problems.of(ProblemType.MALFORMED_JSON), headers);
    }

    /**
     * Every other framework exception and every {@link ApiException} ends here. An ApiException's body is used as
     * thrown; a framework exception's detail (which may quote the input) is replaced by the vocabulary's problem for
     * its status, keeping the framework's headers ({@code Allow} on 405, {@code Accept} on 415).
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (ex instanceof ApiException api) {
            return respond(api.problem(), headers);
        }
        if (statusCode.is5xxServerError()) {
            log.error("Framework error", ex);
        }
        return respond(Problems.of(ProblemType.forStatus(statusCode.value())), headers);
    }

    /** The one way this advice (and its subclasses) answer. */
    protected ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus())
                .headers(Problems.headers(problem.getStatus(), headers))
                .body(problem);
    }

    private static HttpHeaders closing(HttpHeaders headers) {
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.putAll(headers);
        }
        // The unread rest of an oversized body must not be parsed as the next request on this connection.
        out.setConnection("close");
        return out;
    }

    private static ApiException.FieldError fieldError(String field, ObjectError error) {
        try {
            return ConstraintCodes.fieldError(field, error.unwrap(ConstraintViolation.class));
        } catch (IllegalArgumentException notFromBeanValidation) {
            return ApiException.FieldError.of(field, FieldCode.INVALID_VALUE);
        }
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
