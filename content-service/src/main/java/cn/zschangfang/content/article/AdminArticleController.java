package cn.zschangfang.content.article;

import cn.zschangfang.content.bulk.BulkImport;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Editor API under {@code /api/content/admin}; the admin bearer token is checked by the interceptor. */
@RestController
@RequestMapping("/api/content/admin")
public class AdminArticleController {

    private static final int IMPORT_MAX_ITEMS = 5000;

    private final ArticleService service;
    private final Validator validator;

    public AdminArticleController(ArticleService service, Validator validator) {
        this.service = service;
        this.validator = validator;
    }

    /** Idempotent by slug: the same body again answers 200 with the same article; other content 409. */
    @PostMapping("/articles")
    public ResponseEntity<ArticleResponse> create(@Valid @RequestBody ArticleInput input) {
        WriteOutcome outcome = service.create(input);
        ArticleResponse body = ArticleResponse.of(outcome.article());
        if (outcome.kind() == BulkImport.Outcome.CREATED) {
            return ResponseEntity.created(URI.create("/api/content/admin/articles/" + input.slug()))
                    .cacheControl(CacheControl.noStore())
                    .body(body);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    @GetMapping("/articles/{slug}")
    public ResponseEntity<ArticleResponse> get(@PathVariable String slug) {
        return noStore(ArticleResponse.of(service.requireAnyBySlug(slug)));
    }

    @PutMapping("/articles/{slug}")
    public ResponseEntity<ArticleResponse> update(@PathVariable String slug, @Valid @RequestBody ArticleInput input) {
        return noStore(ArticleResponse.of(service.update(slug, input)));
    }

    @PostMapping("/articles/{slug}/publish")
    public ResponseEntity<ArticleResponse> publish(@PathVariable String slug) {
        return noStore(ArticleResponse.of(service.setStatus(slug, ArticleStatus.PUBLISHED)));
    }

    @PostMapping("/articles/{slug}/unpublish")
    public ResponseEntity<ArticleResponse> unpublish(@PathVariable String slug) {
        return noStore(ArticleResponse.of(service.setStatus(slug, ArticleStatus.DRAFT)));
    }

    @DeleteMapping("/articles/{slug}")
    public ResponseEntity<Void> delete(@PathVariable String slug) {
        service.delete(slug);
        return ResponseEntity.noContent().build();
    }

    /**
     * Bulk import for migrating a site: each item is created or updated by slug; identical content is a no-op and
     * counted views are never reset. The whole array is validated first, so a bad item imports nothing.
     */
    @PostMapping("/import")
    public ResponseEntity<BulkImport.ImportResult> importArticles(@RequestBody List<ArticleInput> items) {
        BulkImport.validate(items, IMPORT_MAX_ITEMS, "篇文章", validator, item -> null);
        return noStore(BulkImport.write(
                items, item -> service.upsert(item, ArticleStatus.PUBLISHED).kind()));
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
