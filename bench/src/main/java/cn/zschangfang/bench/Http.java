package cn.zschangfang.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small pool of JDK HttpClients (HTTP/1.1, each with its own selector thread and executor), used round robin, so
 * that one client's selector does not become the load tool's bottleneck. The JDK client keeps as many keep-alive
 * connections per host as there are requests in flight.
 */
public final class Http implements AutoCloseable {

    public static final String BROWSER_UA =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

    private final List<HttpClient> clients = new ArrayList<>();
    private final List<ExecutorService> executors = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    public Http(int size) {
        for (int i = 0; i < size; i++) {
            AtomicInteger threads = new AtomicInteger();
            int index = i;
            ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "bench-http-" + index + "-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            executors.add(executor);
            clients.add(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .executor(executor)
                    .build());
        }
    }

    public HttpClient client() {
        return clients.get(Math.floorMod(next.getAndIncrement(), clients.size()));
    }

    /** Sends and answers the status code (the body is read and dropped). */
    public CompletableFuture<Integer> status(HttpRequest request) {
        return client().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }

    public CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Blocking, for set-up and checks. */
    public HttpResponse<String> call(HttpRequest request) {
        try {
            return client().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("User-Agent", BROWSER_UA)
                .GET();
    }

    public static HttpRequest.Builder postJson(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("User-Agent", BROWSER_UA)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    public static HttpRequest.Builder putJson(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
    }

    @Override
    public void close() {
        executors.forEach(ExecutorService::shutdownNow);
    }
}
