package cn.zschangfang.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

/** Which downstream failures are a 504 (accepted, answered too slowly) and which a 503 (not reachable). */
class DownstreamFailureTest {

    @Test
    void aResponseThatDidNotComeInTheRouteTimeoutIsAGatewayTimeout() {
        assertThat(GatewayExceptionHandler.isReadTimeout(access(new SocketTimeoutException("Read timed out"))))
                .isTrue();
    }

    @Test
    void aConnectionThatWasNotAcceptedInTimeIsUnavailableThoughTheClientWrapsASocketTimeout() {
        var connectTimeout = new ConnectTimeoutException("Connect to 10.0.0.1:8081 failed");
        connectTimeout.initCause(new SocketTimeoutException("Connect timed out"));

        assertThat(GatewayExceptionHandler.isReadTimeout(access(connectTimeout)))
                .isFalse();
    }

    @Test
    void aRefusedConnectionIsUnavailable() {
        assertThat(GatewayExceptionHandler.isReadTimeout(access(new HttpHostConnectException("Connection refused"))))
                .isFalse();
        assertThat(GatewayExceptionHandler.isReadTimeout(access(new ConnectException("Connection refused"))))
                .isFalse();
    }

    private static ResourceAccessException access(IOException cause) {
        return new ResourceAccessException("I/O error", cause);
    }
}
