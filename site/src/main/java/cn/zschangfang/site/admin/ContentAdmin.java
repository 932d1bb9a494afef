package cn.zschangfang.site.admin;

import static cn.zschangfang.site.admin.Calls.call;
import static cn.zschangfang.site.admin.Calls.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * content-service's admin API (listings, articles, audit; see content-service/README.md), called with the signed-in
 * user's bearer: the admin token, or a MANAGER's agent token, which content-service checks with notify. Bodies are
 * kept as JSON maps: the back office shows and edits what the service holds, and the service validates.
 */
class ContentAdmin {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};
    private static final String LISTINGS = "/api/content/admin/listings";

    private final RestClient http;

    ContentAdmin(RestClient http) {
        this.http = http;
    }

    // --- listings

    Map<String, Object> listings(String token, String status, int page) {
        return page(token, LISTINGS, page, b -> {
            if (status != null) {
                b.queryParam("status", status);
            }
        });
    }

    Map<String, Object> listing(String token, String id) {
        return get(token, LISTINGS + "/{id}", id);
    }

    Map<String, Object> createListing(String token, Map<String, Object> body) {
        return send(token, LISTINGS, body, false);
    }

    Map<String, Object> updateListing(String token, String id, Map<String, Object> body) {
        return send(token, LISTINGS + "/{id}", body, true, id);
    }

    Map<String, Object> changeStatus(String token, String id, String status, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        return send(token, LISTINGS + "/{id}/status", body, false, id);
    }

    Map<String, Object> verify(String token, String id) {
        return post(token, LISTINGS + "/{id}/verify", id);
    }

    Map<String, Object> uploadPhoto(String token, String id, byte[] bytes, String filename, String caption) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename == null || filename.isBlank() ? "photo.jpg" : filename;
            }
        });
        if (caption != null && !caption.isBlank()) {
            parts.add("caption", caption.strip());
        }
        return call(() -> http.post()
                .uri(LISTINGS + "/{id}/photos", id)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .retrieve()
                .body(OBJECT));
    }

    void deletePhoto(String token, String id, String photoId) {
        run(() -> http.delete()
                .uri(LISTINGS + "/{id}/photos/{photoId}", id, photoId)
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .toBodilessEntity());
    }

    /** A photo of any listing, published or not, for the editor's preview. */
    ResponseEntity<byte[]> photo(String id, String photoId, String size) {
        return call(() -> http.get()
                .uri("/api/content/listings/{id}/photos/{photoId}/{size}.jpg", id, photoId, size)
                .retrieve()
                .toEntity(byte[].class));
    }

    // --- articles

    /** The admin list (drafts too); content-service without one answers 404/405 and the caller falls back. */
    Map<String, Object> articles(String token, int page) {
        return page(token, "/api/content/admin/articles", page, b -> {});
    }

    /** The public list (no bearer), newest first. */
    Map<String, Object> publishedArticles(int page) {
        return page(null, "/api/content/articles", page, b -> b.queryParam("sort", "latest"));
    }

    Map<String, Object> article(String token, String slug) {
        return get(token, "/api/content/admin/articles/{slug}", slug);
    }

    Map<String, Object> createArticle(String token, Map<String, Object> body) {
        return send(token, "/api/content/admin/articles", body, false);
    }

    Map<String, Object> updateArticle(String token, String slug, Map<String, Object> body) {
        return send(token, "/api/content/admin/articles/{slug}", body, true, slug);
    }

    Map<String, Object> setArticlePublished(String token, String slug, boolean published) {
        return post(token, "/api/content/admin/articles/{slug}/" + (published ? "publish" : "unpublish"), slug);
    }

    /** The sanitizer's output for an editor's body: exactly what the published page would show. */
    String preview(String token, String body) {
        Map<String, Object> answer = send(token, "/api/content/admin/articles/preview", Map.of("body", body), false);
        Object html = answer == null ? null : answer.get("html");
        return html == null ? "" : html.toString();
    }

    // --- audit

    Map<String, Object> audit(String token, int page) {
        return page(token, "/api/content/admin/audit", page, b -> {});
    }

    /** One page of a list (the back office's page size), with the list's own parameters after these. */
    private Map<String, Object> page(String token, String path, int page, Consumer<UriBuilder> parameters) {
        return call(() -> http.get()
                .uri(b -> {
                    b.path(path).queryParam("page", page).queryParam("size", AdminPages.PAGE_SIZE);
                    parameters.accept(b);
                    return b.build();
                })
                .headers(bearer(token))
                .retrieve()
                .body(OBJECT));
    }

    private Map<String, Object> get(String token, String path, Object... variables) {
        return bodiless(HttpMethod.GET, token, path, variables);
    }

    /** A POST without a body (verify, publish). */
    private Map<String, Object> post(String token, String path, Object... variables) {
        return bodiless(HttpMethod.POST, token, path, variables);
    }

    private Map<String, Object> bodiless(HttpMethod method, String token, String path, Object... variables) {
        return call(() -> http.method(method)
                .uri(path, variables)
                .headers(bearer(token))
                .retrieve()
                .body(OBJECT));
    }

    /** The signed-in user's bearer; none for the public API. */
    private static Consumer<HttpHeaders> bearer(String token) {
        return h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        };
    }

    /** Ids and slugs go in as URI variables: encoded, so one the admin typed into the address bar stays one segment. */
    private Map<String, Object> send(
            String token, String path, Map<String, Object> body, boolean put, Object... variables) {
        return call(() -> (put ? http.put() : http.post())
                .uri(path, variables)
                .headers(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(OBJECT));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        Object items = page == null ? null : page.get("items");
        return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
