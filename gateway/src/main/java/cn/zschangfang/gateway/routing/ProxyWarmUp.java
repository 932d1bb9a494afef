package cn.zschangfang.gateway.routing;

import cn.zschangfang.platform.warmup.WarmUp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sends a few anonymous GETs through this gateway's own front door before it reports ready (see {@link WarmUp}):
 * the filter chain, the route lookup, the proxy client and its connection. A GET of a public, cached list: no state
 * changes and no client's rate-limit bucket is touched. When content-service is not up yet the answer is the 503 of
 * a downstream that is down, which warms the same chain up to the connection.
 */
@Component
class ProxyWarmUp extends WarmUp {

    static final String PATH = "/api/content/categories";
    private static final int ROUNDS = 3;

    private volatile List<Integer> statuses = List.of();

    ProxyWarmUp(Environment environment) {
        super("proxy", environment);
    }

    @Override
    protected String warm(String ownBaseUrl) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(ownBaseUrl + PATH))
                .timeout(Duration.ofSeconds(5))
                .header("User-Agent", "gateway-warm-up")
                .GET()
                .build();
        List<Integer> answered = new ArrayList<>();
        try {
            for (int i = 0; i < ROUNDS; i++) {
                answered.add(client.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            statuses = List.copyOf(answered);
        }
        return "GET " + PATH + " answered " + answered;
    }

    /** The statuses the last run got, one per request. */
    List<Integer> statuses() {
        return statuses;
    }
}
