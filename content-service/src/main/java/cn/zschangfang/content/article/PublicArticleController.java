package cn.zschangfang.content.article;

import cn.zschangfang.content.config.ContentProperties;
import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.FieldCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anonymous read API. Responses carry {@code Cache-Control: public, max-age} and (via the ETag filter) an
 * {@code ETag}; drafts answer 404 exactly like unknown slugs.
 */
@RestController
@RequestMapping("/api/content")
@Validated
public class PublicArticleController {

    private static final int RELATED_LIMIT = 6;

    private final ArticleQueries queries;
    private final CacheControl cacheControl;

    public PublicArticleController(ArticleQueries queries, ContentProperties properties) {
        this.queries = queries;
        this.cacheControl = CacheControl.maxAge(properties.publicMaxAge()).cachePublic();
    }

    @GetMapping("/articles")
    public ResponseEntity<ArticleQueries.Page> list(
            @RequestParam(required = false) @Size(max = 60) String category,
            @RequestParam(required = false) @Size(max = 40) String tag,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "latest") String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        ArticleQueries.SortOrder order = switch (sort.toLowerCase(Locale.ROOT)) {
            case "latest" -> ArticleQueries.SortOrder.LATEST;
            case "popular" -> ArticleQueries.SortOrder.POPULAR;
            default -> throw ApiException.invalid("sort", FieldCode.INVALID_VALUE, "排序应为 latest 或 popular");
        };
        return ResponseEntity.ok().cacheControl(cacheControl).body(queries.list(category, tag, q, order, page, size));
    }

    @GetMapping("/articles/{slug}")
    public ResponseEntity<ArticleResponse> get(@PathVariable String slug) {
        Article article = slug.length() > 120 ? null : queries.findPublished(slug);
        if (article == null) {
            throw ApiException.notFound();
        }
        return ResponseEntity.ok()
                .cacheControl(cacheControl)
                .body(ArticleResponse.of(article, queries.related(article, RELATED_LIMIT)));
    }

    @GetMapping("/tags")
    public ResponseEntity<List<ArticleQueries.Count>> tags() {
        return ResponseEntity.ok().cacheControl(cacheControl).body(queries.tags());
    }

    @GetMapping("/categories")
    public ResponseEntity<List<ArticleQueries.Count>> categories() {
        return ResponseEntity.ok().cacheControl(cacheControl).body(queries.categories());
    }
}
