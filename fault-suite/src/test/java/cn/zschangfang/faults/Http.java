package cn.zschangfang.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the suites: every call has a timeout, and a failed connection is a reply, not a throw. */
final class Http {

    /** An answer; {@code status} -1 when there was none (refused, reset, timed out). */
    record Reply(int status, String body, java.net.http.HttpHeaders headers, String failure) {
        boolean is5xx() {
            return status >= 500;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client;

    Http() {
        client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Reply get(String url, Map<String, String> headers) {
        return send(builder(url, headers).GET());
    }

    Reply post(String url, String json, Map<String, String> headers) {
        return send(builder(url, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Reply send(String method, String url, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = builder(url, headers);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static HttpRequest.Builder builder(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                // A browser's: the view beacon rightly drops requests without one as bots.
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) fault-suite");
        headers.forEach(request::header);
        return request;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body(), response.headers(), null);
        } catch (IOException e) {
            return new Reply(-1, "", null, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, "", null, "interrupted");
        }
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
