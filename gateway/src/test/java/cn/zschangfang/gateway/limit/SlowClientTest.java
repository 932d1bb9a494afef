package cn.zschangfang.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.gateway.support.GatewayTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Slow-loris at the edge: a client that dribbles its headers and then stops is disconnected by Tomcat's connection
 * timeout instead of keeping the connection for ever, and while such clients wait, others are served. The
 * production value (10 s, application.yml) is shortened here so the test is quick.
 */
@TestPropertySource(properties = "server.tomcat.connection-timeout=1500ms")
class SlowClientTest extends GatewayTestBase {

    private static final byte[] PARTIAL_REQUEST =
            "GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: aaaa".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void theConfiguredConnectionTimeoutReachesTomcat() {
        Connector connector =
                ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();

        assertThat(connector.getProperty("connectionTimeout")).isEqualTo(1500);
    }

    @Test
    void aClientThatDribblesItsHeadersByteByByteAndStopsIsDisconnectedAfterTheTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            for (byte b : PARTIAL_REQUEST) {
                out.write(b);
                out.flush();
            }
            long stoppedAt = System.nanoTime();

            boolean closed = closedByServer(socket.getInputStream());

            Duration held = Duration.ofNanos(System.nanoTime() - stoppedAt);
            assertThat(closed).as("server closed the connection").isTrue();
            assertThat(held).isBetween(Duration.ofMillis(1000), Duration.ofSeconds(10));
        }
    }

    @Test
    void clientsStuckInTheirHeadersDoNotKeepOthersFromBeingServed() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.getOutputStream().write(PARTIAL_REQUEST);
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            long start = System.nanoTime();

            assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** Reads whatever the server sends (perhaps an error answer) until it closes; false if it never does. */
    private static boolean closedByServer(InputStream in) throws IOException {
        byte[] buffer = new byte[1024];
        try {
            while (in.read(buffer) != -1) {
                // Tomcat may answer 400/408 before closing; only the close matters here.
            }
            return true;
        } catch (SocketException reset) {
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }
}
