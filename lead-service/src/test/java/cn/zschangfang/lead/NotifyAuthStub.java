package cn.zschangfang.lead;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP stand-in for notify-service's {@code GET /internal/auth/agent}: known bearer tokens answer 200
 * with the agent, anything else 401 (the contract in docs/architecture.md).
 */
public final class NotifyAuthStub implements AutoCloseable {

    public static final Map<String, String> AGENTS = Map.of(
            "agent-1-token", "{\"agentId\":\"agent-1\",\"name\":\"王经理\",\"role\":\"AGENT\",\"extra\":1}",
            "agent-2-token", "{\"agentId\":\"agent-2\",\"name\":\"李经理\",\"role\":\"AGENT\"}",
            "manager-token", "{\"agentId\":\"manager-1\",\"name\":\"陈总\",\"role\":\"MANAGER\"}");

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    public NotifyAuthStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/auth/agent", exchange -> {
            calls.incrementAndGet();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String body = auth != null && auth.startsWith("Bearer ") ? AGENTS.get(auth.substring(7)) : null;
            if (body == null) {
                exchange.sendResponseHeaders(401, -1);
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
