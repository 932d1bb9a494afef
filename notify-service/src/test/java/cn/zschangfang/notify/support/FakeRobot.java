package cn.zschangfang.notify.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local HTTP server standing in for group robots (and the SMS API): records every request per path and answers
 * scripted replies (default: WeChat Work's {@code {"errcode":0,"errmsg":"ok"}}).
 */
public final class FakeRobot implements AutoCloseable {

    /** One recorded request. */
    public record Request(String method, String path, String query, String body, Map<String, String> headers) {}

    /** One scripted answer. */
    public record Reply(int status, String body, long delayMs) {

        public Reply(int status, String body) {
            this(status, body, 0);
        }
    }

    private final HttpServer server;
    private final Map<String, List<Request>> received = new ConcurrentHashMap<>();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private volatile Reply defaultReply = new Reply(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");

    public FakeRobot() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.computeIfAbsent(path, p -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(new Request(
                            exchange.getRequestMethod(),
                            path,
                            exchange.getRequestURI().getRawQuery(),
                            body,
                            exchange.getRequestHeaders().entrySet().stream()
                                    .collect(java.util.stream.Collectors.toMap(
                                            e -> e.getKey().toLowerCase(java.util.Locale.ROOT),
                                            e -> String.join(",", e.getValue()),
                                            (a, b) -> a))));
            Deque<Reply> script = scripts.get(path);
            Reply reply = null;
            if (script != null) {
                synchronized (script) {
                    reply = script.poll();
                }
            }
            if (reply == null) {
                reply = defaultReply;
            }
            if (reply.delayMs() > 0) {
                try {
                    Thread.sleep(reply.delayMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Next answers for a path, in order; afterwards the default answer. */
    public void script(String path, Reply... replies) {
        scripts.put(path, new ArrayDeque<>(List.of(replies)));
    }

    public void defaultReply(Reply reply) {
        this.defaultReply = reply;
    }

    public List<Request> received(String path) {
        List<Request> list = received.get(path);
        return list == null ? List.of() : List.copyOf(list);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
