package cn.zschangfang.platform.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for many WeChat Work group robots at once: {@code POST /robot/<key>} with the robot's JSON ({@code
 * msgtype} markdown or text). Records every message it accepted, per robot, with the lead ids it names. The JDK
 * server decodes chunked request bodies itself, so a client that streams its body is recorded like any other.
 *
 * <p>{@link #mode(Mode)} turns the robots into a failing WeCom for the fault suite: 500s, no answer within the
 * client's timeout, or errcode 45009 (rate limited). A message refused that way is not recorded: the robot never
 * showed it to anyone.
 */
public final class RobotStub implements AutoCloseable {

    public enum Mode {
        OK,
        HTTP_500,
        TIMEOUT,
        RATE_LIMITED
    }

    /**
     * One message a robot showed, with the lead ids found in it; {@code body} is the request as it came (what a
     * test searches for data that must not be sent at all).
     */
    public record Message(
            String robot, long receivedNanos, String msgtype, String content, Set<String> leadIds, String body) {

        public boolean mentions(String text) {
            return body.contains(text);
        }
    }

    /** Lead ids are UUIDs; a message names a lead by its id (in its link or its reference). */
    public static final Pattern LEAD_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Longer than notify-service's 5 s channel timeout, short enough to keep the suite bounded. */
    private static final long TIMEOUT_HOLD_MILLIS = 7_000;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(24);
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Map<String, List<Message>> byLead = new ConcurrentHashMap<>();
    private final Map<Mode, AtomicInteger> refused = new ConcurrentHashMap<>();
    private volatile Mode mode = Mode.OK;

    public RobotStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/robot/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url(String robot) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/" + robot;
    }

    public void mode(Mode newMode) {
        mode = newMode;
    }

    public int refused(Mode which) {
        return refused.computeIfAbsent(which, m -> new AtomicInteger()).get();
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    /** Every message that names the lead, on any robot. */
    public List<Message> messagesFor(String leadId) {
        return byLead.getOrDefault(leadId, List.of());
    }

    public List<Message> messagesOf(String robot) {
        return messages.stream().filter(m -> m.robot().equals(robot)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String robot = exchange.getRequestURI().getPath().substring("/robot/".length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            Mode current = mode;
            switch (current) {
                case HTTP_500 -> {
                    refused.computeIfAbsent(current, m -> new AtomicInteger()).incrementAndGet();
                    answer(exchange, 500, "{\"error\":\"internal\"}");
                    return;
                }
                case TIMEOUT -> {
                    refused.computeIfAbsent(current, m -> new AtomicInteger()).incrementAndGet();
                    try {
                        Thread.sleep(TIMEOUT_HOLD_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    answer(exchange, 504, "{}");
                    return;
                }
                case RATE_LIMITED -> {
                    refused.computeIfAbsent(current, m -> new AtomicInteger()).incrementAndGet();
                    answer(exchange, 200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
                    return;
                }
                case OK -> {
                    record(robot, body);
                    answer(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
                }
            }
        }
    }

    private void record(String robot, byte[] body) {
        String msgtype = "?";
        String raw = new String(body, StandardCharsets.UTF_8);
        String content = raw;
        try {
            JsonNode json = JSON.readTree(body);
            msgtype = json.path("msgtype").asString("?");
            JsonNode inner = json.path(msgtype).path("content");
            if (inner.isString()) {
                content = inner.asString();
            }
        } catch (JacksonException e) {
            // Recorded as it came: a message that is not JSON is a finding the assertions will show.
        }
        Set<String> ids = new java.util.LinkedHashSet<>();
        Matcher matcher = LEAD_ID.matcher(content);
        while (matcher.find()) {
            ids.add(matcher.group());
        }
        Message message = new Message(robot, System.nanoTime(), msgtype, content, Set.copyOf(ids), raw);
        messages.add(message);
        for (String id : ids) {
            byLead.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(message);
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Robots with at least one message, for the report. */
    public List<String> robots() {
        return new ArrayList<>(messages.stream().map(Message::robot).distinct().toList());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
