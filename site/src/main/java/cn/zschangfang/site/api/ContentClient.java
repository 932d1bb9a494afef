package cn.zschangfang.site.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * content-service's public read API (see content-service/README.md), server to server, through the site's ≤ 1 s
 * {@link ContentReadCache}. A service that is down surfaces as
 * {@link org.springframework.web.client.RestClientException}, which the site renders as its 500 page.
 */
public class ContentClient {

    private final RestClient http;
    private final ContentReadCache cache;

    ContentClient(RestClient http, ContentReadCache cache) {
        this.http = http;
        this.cache = cache;
    }

    public Optional<Article> article(String slug) {
        return cache.get("article:" + slug, () -> fetchArticle(slug));
    }

    private Optional<Article> fetchArticle(String slug) {
        try {
            return Optional.ofNullable(http.get()
                    .uri("/api/content/articles/{slug}", slug)
                    .retrieve()
                    .body(Article.class));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND || e.getStatusCode() == HttpStatus.BAD_REQUEST) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** One page of published articles; {@code page} is 0-based; null filters are left out. */
    public Page articles(ArticleQuery query) {
        return cache.get("articles:" + query, () -> fetchArticles(query));
    }

    private Page fetchArticles(ArticleQuery query) {
        return http.get()
                .uri(b -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("category", query.category());
                    values.put("tag", query.tag());
                    values.put("q", query.q());
                    values.put("sort", query.popular() ? "popular" : "latest");
                    values.put("page", query.page());
                    values.put("size", query.size());
                    return QueryValues.build(b.path("/api/content/articles"), values);
                })
                .retrieve()
                .body(Page.class);
    }

    public List<Count> tags() {
        return cache.get(
                "tags",
                () -> List.of(http.get().uri("/api/content/tags").retrieve().body(Count[].class)));
    }

    public List<Count> categories() {
        return cache.get(
                "categories",
                () -> List.of(
                        http.get().uri("/api/content/categories").retrieve().body(Count[].class)));
    }

    /** Filters of the article list; null means "any". */
    public record ArticleQuery(String category, String tag, String q, boolean popular, int page, int size) {
        public static ArticleQuery latest(int size) {
            return new ArticleQuery(null, null, null, false, 0, size);
        }

        public static ArticleQuery popular(int size) {
            return new ArticleQuery(null, null, null, true, 0, size);
        }
    }

    public record Page(List<Summary> items, int page, int size, long total) {}

    public record Count(String name, long count) {}

    /** An article in listings and related reading (no body); {@code updatedAt} is null from an older service. */
    public record Summary(
            String slug,
            String title,
            String summary,
            String category,
            Instant publishedAt,
            long views,
            Instant updatedAt) {

        /** When the article last changed as the public sees it: an edit after publication, else publication. */
        public Instant lastModified() {
            if (updatedAt != null && (publishedAt == null || updatedAt.isAfter(publishedAt))) {
                return updatedAt;
            }
            return publishedAt;
        }
    }

    /** An article with its sanitized HTML body and up to six related articles. */
    public record Article(
            String slug,
            String title,
            String body,
            String summary,
            String category,
            List<String> tags,
            String source,
            String copyright,
            String author,
            String coverImage,
            Instant publishedAt,
            Instant updatedAt,
            long views,
            List<Summary> related) {}
}
