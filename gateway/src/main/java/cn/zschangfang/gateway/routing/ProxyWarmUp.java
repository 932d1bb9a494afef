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
 * the filter chain, the route lookup, the proxy client, its connection and the copying of the answer. A GET of a
 * public, cached list: no state changes and no client's rate-limit bucket is touched. While content-service is not
 * up yet (the services start side by side) the answer is a 503; the gateway then tries again for at most
 * {@code gateway.proxy.warm-up-patience}, so that the path of a real answer is warm too, and reports ready without it
 * after that.
 */
@Component
class ProxyWarmUp extends WarmUp {

    static final String PATH = "/api/content/categories";
    private static final int ROUNDS = 3;
    private static final Duration PAUSE = Duration.ofMillis(250);

    private final Duration patience;
    private volatile List<Integer> statuses = List.of();

    ProxyWarmUp(Environment environment, ProxyProperties properties) {
        super("proxy", environment);
        this.patience = properties.warmUpPatience();
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
        long deadline = System.nanoTime() + patience.toNanos();
        int served = 0;
        try {
            while (served < ROUNDS) {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                answered.add(status);
                if (status < 500) {
                    served++;
                } else if (System.nanoTime() + PAUSE.toNanos() > deadline) {
                    break;
                } else {
                    Thread.sleep(PAUSE.toMillis());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            statuses = List.copyOf(answered);
        }
        return "GET " + PATH + " answered " + summary(answered);
    }

    /** "503 ×12, 200 ×3": the statuses in the order they came, repeats counted. */
    static String summary(List<Integer> statuses) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < statuses.size(); ) {
            int j = i;
            while (j < statuses.size() && statuses.get(j).equals(statuses.get(i))) {
                j++;
            }
            out.append(out.isEmpty() ? "" : ", ")
                    .append(statuses.get(i))
                    .append(" ×")
                    .append(j - i);
            i = j;
        }
        return out.toString();
    }

    /** The statuses the last run got, one per request. */
    List<Integer> statuses() {
        return statuses;
    }
}
