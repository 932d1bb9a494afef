package cn.zschangfang.gateway.problem;

import cn.zschangfang.platform.problem.ProblemAdvice;
import cn.zschangfang.platform.problem.ProblemType;
import cn.zschangfang.platform.problem.Problems;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;

/**
 * The platform's problem advice plus the one case that is the gateway's own: a downstream that refuses or does not
 * accept the connection is a 503 ({@code unavailable}), one that accepts but does not answer in the route's response
 * timeout is a 504 ({@code gateway_timeout}). Spring MVC applies controller advice to the functional proxy handlers
 * too. Exception messages are neither returned nor logged (they carry downstream URLs, and an /ack/ URL a token).
 */
@RestControllerAdvice
public class GatewayExceptionHandler extends ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(GatewayExceptionHandler.class);

    @ExceptionHandler(ResourceAccessException.class)
    public ResponseEntity<Object> downstreamUnreachable(ResourceAccessException ex) {
        boolean answeredTooSlowly = isReadTimeout(ex);
        log.warn(
                "Downstream call failed ({}): {}",
                answeredTooSlowly ? "timeout" : "unavailable",
                rootCause(ex).getClass().getSimpleName());
        if (answeredTooSlowly) {
            return respond(Problems.of(ProblemType.GATEWAY_TIMEOUT, "该路径后的服务未及时应答，请稍后重试"), null);
        }
        return respond(Problems.of(ProblemType.UNAVAILABLE, "该路径后的服务暂时无法访问，请稍后重试"), null);
    }

    /** The Retry filter of the GET routes wraps the last failure of its attempts. */
    @ExceptionHandler(RetryException.class)
    public ResponseEntity<Object> retriesExhausted(RetryException ex) {
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ResourceAccessException access) {
                return downstreamUnreachable(access);
            }
        }
        return unexpected(ex);
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
            // Apache HttpClient's connect timeout wraps a SocketTimeoutException: it is a 503, not a 504.
            if (t instanceof ConnectTimeoutException
                    || t instanceof HttpConnectTimeoutException
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
