package cn.zschangfang.site.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * content-service as the site sees it, on a random loopback port: answers each path (query ignored) with the JSON
 * the test set, by default the fixtures under {@code src/test/resources/content/}; unknown paths 404.
 */
public final class StubContentService {

    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, String> queries = new ConcurrentHashMap<>();

    public StubContentService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        answer("/api/content/articles", fixture("articles.json"));
        answer("/api/content/tags", "[{\"name\":\"中山工业园\",\"count\":8}]");
        answer("/api/content/categories", "[{\"name\":\"中山产业信息\",\"count\":8}]");
        answer("/api/content/articles/" + SEED_SLUG, fixture("seed-article.json"));
        answer("/api/content/listings", fixture("listings.json"));
        answer("/api/content/listings/" + LISTING_SLUG, fixture("listing-xiaolan.json"));
    }

    public static final String LISTING_SLUG = "xiaolan-single-storey-factory-3200";

    /** The raw query string of the last request to a path (null if none came). */
    public String lastQuery(String path) {
        return queries.get(path);
    }

    public static final String SEED_SLUG = "zhongshan-village-industrial-park-renovation-shunde-model";

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A null json makes the path answer 404. */
    public void answer(String path, String json) {
        if (json == null) {
            answers.remove(path);
        } else {
            answers.put(path, json);
        }
    }

    public static String fixture(String name) {
        try (InputStream in = StubContentService.class.getResourceAsStream("/content/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String json = answers.get(exchange.getRequestURI().getPath());
        String query = exchange.getRequestURI().getRawQuery();
        queries.put(exchange.getRequestURI().getPath(), query == null ? "" : query);
        byte[] body = (json == null ? "{\"status\":404}" : json).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", json == null ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(json == null ? 404 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
