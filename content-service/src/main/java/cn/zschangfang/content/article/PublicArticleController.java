package cn.zschangfang.content.article;

import cn.zschangfang.content.cache.PublicAnswers;
import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.FieldCode;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anonymous read API, served from {@link ArticleReadCache}. Responses carry {@code Cache-Control: public, max-age}
 * (1 s by default, the freshness promise) and a version {@code ETag} from the cache, so {@code If-None-Match}
 * answers 304 without rendering (or buffering and hashing) the body; drafts answer 404 exactly like unknown slugs.
 */
@RestController
@RequestMapping("/api/content")
@Validated
public class PublicArticleController {

    private final ArticleReadCache cache;
    private final PublicAnswers answers;

    public PublicArticleController(ArticleReadCache cache, PublicAnswers answers) {
        this.cache = cache;
        this.answers = answers;
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
        return answers.ok(cache.page(ArticleReadCache.PageKey.of(category, tag, q, order, page, size)));
    }

    /** The JSON comes written from the cache ({@link ArticleReadCache#article}); the document keeps its schema. */
    @GetMapping("/articles/{slug}")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ArticleResponse.class)))
    public ResponseEntity<byte[]> get(@PathVariable String slug) {
        return answers.okJson(cache.article(slug).orElseThrow(ApiException::notFound));
    }

    @GetMapping("/tags")
    public ResponseEntity<List<ArticleQueries.Count>> tags() {
        return answers.ok(cache.tags());
    }

    @GetMapping("/categories")
    public ResponseEntity<List<ArticleQueries.Count>> categories() {
        return answers.ok(cache.categories());
    }
}
