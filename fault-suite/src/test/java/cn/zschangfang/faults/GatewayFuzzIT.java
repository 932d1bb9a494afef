package cn.zschangfang.faults;

import static cn.zschangfang.faults.PublicEndpointsFuzzIT.assertClean;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.localstack.DemoData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The front door under hostile input: a smaller fuzz run through the gateway (its limits answer 429, never 5xx),
 * oversized bodies declared and chunked, and slow-loris connections.
 */
@Order(5)
class GatewayFuzzIT extends FuzzSuite {

    static final int COUNT = Integer.getInteger("faults.fuzz.gateway", 1_000);
    private static final Duration SLOW_LORIS = Duration.ofSeconds(30);

    @Test
    void publicEndpointsThroughTheGatewayNeverAnswer5xx() throws Exception {
        String gateway = stack.gatewayUrl();
        assertClean(fuzzer.run(
                "POST gateway /api/leads",
                COUNT,
                Hostile.bodiesLike(PublicEndpointsFuzzIT.validLead(0)),
                body -> new Fuzzer.Call(
                        new String(body, StandardCharsets.UTF_8),
                        () -> http.send(
                                "POST",
                                gateway + "/api/leads",
                                "application/json",
                                body,
                                Map.of("X-Api-Key", SharedStack.API_KEY)),
                        body.length)));
        assertClean(fuzzer.run(
                "GET gateway /api/content/articles?…",
                COUNT,
                PublicEndpointsFuzzIT.queries(List.of("category", "tag", "q", "sort", "page", "size")),
                q -> get(gateway + "/api/content/articles?" + q)));
        assertClean(fuzzer.run(
                "GET gateway /api/content/articles/{slug}",
                COUNT,
                Hostile.urlPart(),
                slug -> get(gateway + "/api/content/articles/" + slug)));
        assertClean(fuzzer.run(
                "GET gateway /ack/{token}", COUNT, Hostile.urlPart(), token -> get(gateway + "/ack/" + token)));
        assertClean(fuzzer.run(
                "POST gateway /api/content/articles/{slug}/views",
                COUNT,
                Hostile.bodiesLike(Map.of("visitorId", "fz-gw")),
                body -> new Fuzzer.Call(
                        new String(body, StandardCharsets.UTF_8),
                        () -> http.send(
                                "POST",
                                gateway + "/api/content/articles/" + DemoData.SEED_ARTICLE + "/views",
                                "application/json",
                                body,
                                Map.of()),
                        body.length)));
        assertClean(fuzzer.run("any method gateway /api/{hostile}", COUNT, Hostile.urlPart(), part -> {
            String method = List.of("GET", "POST", "PUT", "DELETE", "PATCH").get(Math.abs(part.hashCode()) % 5);
            return new Fuzzer.Call(
                    method + " /api/" + part,
                    () -> http.send(method, gateway + "/api/" + part, "application/json", "{}".getBytes(), Map.of()));
        }));
    }

    @Test
    void oversizedBodiesAreRefusedWith413DeclaredOrChunked() throws Exception {
        byte[] big = ("{\"message\":\"" + "長".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Http.Reply declared = http.send(
                "POST",
                stack.gatewayUrl() + "/api/leads",
                "application/json",
                big,
                Map.of("X-Api-Key", SharedStack.API_KEY));
        assertThat(declared.status()).as(declared.body()).isEqualTo(413);

        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        for (String path : List.of("/api/leads", "/api/content/articles/" + DemoData.SEED_ARTICLE + "/views")) {
            HttpRequest chunked = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .header("X-Api-Key", SharedStack.API_KEY)
                    // No length known up front: the client streams it chunked.
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                    .build();
            int status;
            try {
                status = client.send(chunked, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                // A server may answer 413 and close before the client finished writing: that is a refusal too.
                status = 413;
            }
            assertThat(status).as("chunked " + big.length + " B to " + path).isEqualTo(413);
        }
    }

    @Test
    void slowLorisConnectionsDoNotTakeTheGatewayDown() throws Exception {
        List<Socket> sockets = openSlowLoris(20);
        try {
            long deadline = System.nanoTime() + SLOW_LORIS.toNanos();
            int round = 0;
            // Bounded: one header line per connection every 2 s for SLOW_LORIS.
            while (System.nanoTime() < deadline && round < 100) {
                trickle(sockets, round++);
                Http.Reply normal = http.get(stack.gatewayUrl() + "/api/content/articles?size=1", Map.of());
                assertThat(normal.status())
                        .as("a normal request beside the slow ones")
                        .isEqualTo(200);
                org.awaitility.Awaitility.await()
                        .pollDelay(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(3))
                        .until(() -> true);
            }
            long closed = sockets.stream().filter(GatewayFuzzIT::closedByServer).count();
            System.out.printf(
                    "slow loris: %d of %d connections trickling headers for %d s were closed by the gateway%n",
                    closed, sockets.size(), SLOW_LORIS.toSeconds());
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void aClientThatStallsInItsHeadersIsDisconnected() throws Exception {
        // Tomcat's connection timeout (10 s, gateway/README.md) counts from the last byte received: a client that
        // stops sending mid-headers is cut off; one that keeps trickling holds a connection slot but no thread.
        List<Socket> sockets = openSlowLoris(1);
        try {
            org.awaitility.Awaitility.await()
                    .pollInterval(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(25))
                    .until(() -> closedByServer(sockets.get(0)));
        } finally {
            sockets.get(0).close();
        }
    }

    private List<Socket> openSlowLoris(int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", stack.config.gatewayPort()), 2000);
            socket.setSoTimeout(200);
            socket.getOutputStream()
                    .write("POST /api/leads HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            sockets.add(socket);
        }
        return sockets;
    }

    private static void trickle(List<Socket> sockets, int round) {
        for (Socket socket : sockets) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(("X-Slow-" + round + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // Closed by the server: what a server should do with such a client.
            }
        }
    }

    /** True when the server closed (or answered and closed) the connection. */
    private static boolean closedByServer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            int read = in.read();
            return read == -1 || read > 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private Fuzzer.Call get(String url) {
        return new Fuzzer.Call("GET " + url, () -> http.get(url, Map.of()));
    }
}
