package cn.zschangfang.gateway.problem;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The gateway's one exception handler: every error leaves as an RFC 9457 ProblemDetail with a stable type URI.
 *
 * <p>It also covers the proxied routes (Spring MVC applies controller advice to functional handlers): a downstream
 * that refuses or does not accept the connection is a 503, one that accepts but does not answer in the route's
 * response timeout is a 504. Exception messages are neither returned nor logged (they carry downstream URLs).
 */
@RestControllerAdvice
public class GatewayExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayExceptionHandler.class);

    @ExceptionHandler(ResourceAccessException.class)
    ResponseEntity<ProblemDetail> downstreamUnreachable(ResourceAccessException ex) {
        boolean answeredTooSlowly = isReadTimeout(ex);
        // Not the message: it holds the downstream URL, and an /ack/ URL carries a signed token.
        log.warn(
                "Downstream call failed ({}): {}",
                answeredTooSlowly ? "timeout" : "unavailable",
                rootCause(ex).getClass().getSimpleName());
        if (answeredTooSlowly) {
            return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
                    .body(Problems.of(
                            HttpStatus.GATEWAY_TIMEOUT,
                            "gateway-timeout",
                            "Gateway Timeout",
                            "The service behind this path did not answer in time; retry later."));
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "service-unavailable",
                        "Service Unavailable",
                        "The service behind this path is not reachable; retry later."));
    }

    /** The Retry filter of the GET routes wraps the last failure of its attempts. */
    @ExceptionHandler(RetryException.class)
    ResponseEntity<ProblemDetail> retriesExhausted(RetryException ex) {
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ResourceAccessException access) {
                return downstreamUnreachable(access);
            }
        }
        return unexpected(ex);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal Server Error", null));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && URI.create("about:blank").equals(problem.getType())) {
            problem.setType(URI.create(Problems.BASE + Problems.slugFor(statusCode.value())));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static boolean isReadTimeout(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException
                    || t instanceof ConnectException
                    || t instanceof UnresolvedAddressException) {
                return false;
            }
            if (t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
