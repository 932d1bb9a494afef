package cn.zschangfang.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The demo articles and listings a local stack starts with, imported through content-service's admin API as an
 * editor would. Tests, the fault suite and the benchmarks read the seed article by {@link #SEED_ARTICLE}.
 */
public final class DemoData {

    /** The article the product grew from ({@code ../shared/seed}), imported with its related articles. */
    public static final String SEED_ARTICLE = "zhongshan-village-industrial-park-renovation-shunde-model";

    private DemoData() {}

    static void importAll(StackConfig config, HttpClient http, ProgressLog log)
            throws IOException, InterruptedException {
        importDemo(config, http, log, "/demo/articles.json", "/api/content/admin/import", "demo content");
        // About thirty demo listings across the towns, published (and announced to lead-service) on import.
        importDemo(config, http, log, "/demo/listings.json", "/api/content/admin/listings/import", "demo listings");
    }

    private static void importDemo(
            StackConfig config, HttpClient http, ProgressLog log, String resource, String path, String what)
            throws IOException, InterruptedException {
        byte[] body;
        try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
            body = in.readAllBytes();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.url(config.contentPort()) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + StackConfig.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
            log.line(what + " imported: " + response.body());
        } else {
            log.line(what + " import answered HTTP " + response.statusCode() + ": " + response.body());
        }
    }
}
