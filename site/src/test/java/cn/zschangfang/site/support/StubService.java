package cn.zschangfang.site.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Another service as the site sees it, on a random loopback port: answers {@code METHOD path} (query ignored) with
 * the status and JSON the test set (404 problem otherwise), and records every request it got.
 */
public final class StubService {

    public record Answer(int status, String json) {}

    public record Request(
            String method, String path, String query, String authorization, String contentType, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile String bearer;

    public StubService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void answer(String method, String path, int status, String json) {
        answers.put(method + " " + path, new Answer(status, json));
    }

    /** {@code method path} is answered 404 again. */
    public void forget(String method, String path) {
        answers.remove(method + " " + path);
    }

    /** From now on every request without this bearer token is answered 401 (null: no check). */
    public void requireBearer(String token) {
        this.bearer = token;
    }

    public void reset() {
        bearer = null;
        answers.clear();
        requests.clear();
    }

    /** The body of the first {@code method path} request (the one a form sent). */
    public String firstBody(String method, String path) {
        return requests(method, path).get(0).text();
    }

    public List<Request> requests(String method, String path) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] in = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(
                exchange.getRequestMethod(),
                path,
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                in));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Answer answer = bearer != null && !("Bearer " + bearer).equals(authorization)
                ? new Answer(401, "{\"status\":401,\"title\":\"Unauthorized\"}")
                : answers.getOrDefault(
                        exchange.getRequestMethod() + " " + path,
                        new Answer(404, "{\"status\":404,\"title\":\"Not Found\"}"));
        byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}
