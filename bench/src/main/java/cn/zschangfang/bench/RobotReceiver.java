package cn.zschangfang.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bench's own WeChat Work robot: a JDK HttpServer on a random port answering {@code {"errcode":0}}, recording when
 * each lead id ({@code 编号 <leadId>}, the form every message uses, digests included) first arrived and every message
 * per robot key (the last path segment). The JDK server decodes chunked request bodies itself.
 */
public final class RobotReceiver implements AutoCloseable {

    static final Pattern LEAD_ID = Pattern.compile("编号 ([A-Za-z0-9-]+)");

    /** One message as received: when, which robot, which lead ids it carried. */
    public record Message(long nanos, String robot, List<String> leadIds) {}

    private final HttpServer server;
    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private final List<Message> messages = new ArrayList<>();

    public RobotReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        String robot = path.substring(path.lastIndexOf('/') + 1);
        List<String> ids = leadIds(body);
        for (String id : ids) {
            firstArrival.putIfAbsent(id, now);
        }
        synchronized (messages) {
            messages.add(new Message(now, robot, ids));
        }
        byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, ok.length);
        exchange.getResponseBody().write(ok);
        exchange.close();
    }

    static List<String> leadIds(String body) {
        // The JSON body escapes nothing in 编号 lines but may escape the newline after the id.
        List<String> ids = new ArrayList<>();
        Matcher m = LEAD_ID.matcher(body.replace("\\n", "\n"));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    public String url(String robot) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/" + robot;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/";
    }

    public Long arrival(String leadId) {
        return firstArrival.get(leadId);
    }

    public List<Message> messages(String robot) {
        synchronized (messages) {
            return messages.stream().filter(m -> m.robot().equals(robot)).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
