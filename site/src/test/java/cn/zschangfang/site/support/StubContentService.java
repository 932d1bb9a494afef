package cn.zschangfang.site.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * content-service as the site sees it (a {@link StubService}): answers each GET path (query ignored) with the JSON
 * the test set, by default the fixtures under {@code src/test/resources/content/}; unknown paths 404.
 */
public final class StubContentService {

    public static final String LISTING_SLUG = "xiaolan-single-storey-factory-3200";
    public static final String SEED_SLUG = "zhongshan-village-industrial-park-renovation-shunde-model";

    private final StubService service = new StubService();

    public StubContentService() {
        answer("/api/content/articles", fixture("articles.json"));
        answer("/api/content/tags", "[{\"name\":\"中山工业园\",\"count\":8}]");
        answer("/api/content/categories", "[{\"name\":\"中山产业信息\",\"count\":8}]");
        answer("/api/content/articles/" + SEED_SLUG, fixture("seed-article.json"));
        answer("/api/content/listings", fixture("listings.json"));
        answer("/api/content/listings/" + LISTING_SLUG, fixture("listing-xiaolan.json"));
    }

    /** The raw query string of the last request to a path (null if none came). */
    public String lastQuery(String path) {
        List<StubService.Request> requests = service.requests("GET", path);
        if (requests.isEmpty()) {
            return null;
        }
        String query = requests.get(requests.size() - 1).query();
        return query == null ? "" : query;
    }

    /** The raw query strings of every GET of a path so far, oldest first. */
    public List<String> queries(String path) {
        return service.requests("GET", path).stream()
                .map(r -> r.query() == null ? "" : r.query())
                .toList();
    }

    /** How many GETs of a path came so far. */
    public int requests(String path) {
        return service.requests("GET", path).size();
    }

    public String url() {
        return service.url();
    }

    /** A null json makes the path answer 404. */
    public void answer(String path, String json) {
        if (json == null) {
            service.forget("GET", path);
        } else {
            service.answer("GET", path, 200, json);
        }
    }

    /** A refusal: the path answers GETs with this status and problem document until answered again. */
    public void refuse(String path, int status, String problem) {
        service.answer("GET", path, status, problem);
    }

    public static String fixture(String name) {
        try (InputStream in = StubContentService.class.getResourceAsStream("/content/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
