package cn.zschangfang.site.admin;

import static cn.zschangfang.site.admin.Calls.call;
import static cn.zschangfang.site.admin.Calls.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

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
        return call(() -> http.get()
                .uri(b -> {
                    b.path(LISTINGS).queryParam("page", page).queryParam("size", 20);
                    if (status != null) {
                        b.queryParam("status", status);
                    }
                    return b.build();
                })
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .body(OBJECT));
    }

    Map<String, Object> listing(String token, String id) {
        return call(() -> http.get()
                .uri(LISTINGS + "/{id}", id)
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .body(OBJECT));
    }

    Map<String, Object> createListing(String token, Map<String, Object> body) {
        return send(token, LISTINGS, body, false);
    }

    Map<String, Object> updateListing(String token, String id, Map<String, Object> body) {
        return send(token, LISTINGS + "/" + id, body, true);
    }

    Map<String, Object> changeStatus(String token, String id, String status, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        return send(token, LISTINGS + "/" + id + "/status", body, false);
    }

    Map<String, Object> verify(String token, String id) {
        return call(() -> http.post()
                .uri(LISTINGS + "/{id}/verify", id)
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .body(OBJECT));
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
        return call(() -> http.get()
                .uri(b -> b.path("/api/content/admin/articles")
                        .queryParam("page", page)
                        .queryParam("size", 20)
                        .build())
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .body(OBJECT));
    }

    Map<String, Object> publishedArticles(int page) {
        return call(() -> http.get()
                .uri(b -> b.path("/api/content/articles")
                        .queryParam("sort", "latest")
                        .queryParam("page", page)
                        .queryParam("size", 20)
                        .build())
                .retrieve()
                .body(OBJECT));
    }

    Map<String, Object> article(String token, String slug) {
        return call(() -> http.get()
                .uri("/api/content/admin/articles/{slug}", slug)
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .body(OBJECT));
    }

    Map<String, Object> createArticle(String token, Map<String, Object> body) {
        return send(token, "/api/content/admin/articles", body, false);
    }

    Map<String, Object> updateArticle(String token, String slug, Map<String, Object> body) {
        return send(token, "/api/content/admin/articles/" + slug, body, true);
    }

    Map<String, Object> setArticlePublished(String token, String slug, boolean published) {
        return call(() -> http.post()
                .uri("/api/content/admin/articles/{slug}/" + (published ? "publish" : "unpublish"), slug)
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .body(OBJECT));
    }

    /** The sanitizer's output for an editor's body: exactly what the published page would show. */
    String preview(String token, String body) {
        Map<String, Object> answer = send(token, "/api/content/admin/articles/preview", Map.of("body", body), false);
        Object html = answer == null ? null : answer.get("html");
        return html == null ? "" : html.toString();
    }

    // --- audit

    Map<String, Object> audit(String token, int page) {
        return call(() -> http.get()
                .uri(b -> b.path("/api/content/admin/audit")
                        .queryParam("page", page)
                        .queryParam("size", 20)
                        .build())
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .body(OBJECT));
    }

    private Map<String, Object> send(String token, String path, Map<String, Object> body, boolean put) {
        return call(() -> (put ? http.put() : http.post())
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
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
