package cn.zschangfang.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a random loopback port standing in for a downstream service: it records every request it
 * receives and answers with what the test configured for the path (default 200 {"service":name}).
 */
public final class StubService implements AutoCloseable {

    /**
     * A request as the downstream service saw it; {@code clientPort} is the port of the connection it came on, so a
     * test can tell connections apart.
     */
    public record Received(
            String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body, int clientPort) {
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** How to answer one path. */
    @FunctionalInterface
    public interface Responder {
        void respond(HttpExchange exchange, byte[] body) throws IOException;
    }

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Responder> responders = new ConcurrentHashMap<>();

    public StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return received;
    }

    public List<Received> receivedOn(String path) {
        return received.stream().filter(r -> r.pathAndQuery().startsWith(path)).toList();
    }

    public void on(String path, Responder responder) {
        responders.put(path, responder);
    }

    public void reset() {
        received.clear();
        responders.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + exchange.getRequestURI().getRawQuery());
        received.add(new Received(
                exchange.getRequestMethod(),
                pathAndQuery,
                Map.copyOf(exchange.getRequestHeaders()),
                body,
                exchange.getRemoteAddress().getPort()));
        Responder responder = responders.get(exchange.getRequestURI().getRawPath());
        try {
            if (responder != null) {
                responder.respond(exchange, body);
            } else {
                json(exchange, 200, "{\"service\":\"" + name + "\"}");
            }
        } finally {
            exchange.close();
        }
    }

    public static void json(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** A loopback port nobody listens on: connections to it are refused. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
