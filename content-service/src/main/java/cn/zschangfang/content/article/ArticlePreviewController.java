package cn.zschangfang.content.article;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The editor's preview: the body exactly as it would be stored, through the same sanitizer, so what the editor sees
 * is what visitors get. Nothing is stored (ADMIN, like the rest of {@code /api/content/admin}).
 */
@RestController
public class ArticlePreviewController {

    /** What the editor has typed. */
    public record PreviewRequest(
            @NotNull @Size(max = 1_000_000) String body) {}

    /** The sanitized HTML. */
    public record PreviewResponse(String html) {}

    @PostMapping("/api/content/admin/articles/preview")
    public ResponseEntity<PreviewResponse> preview(@Valid @RequestBody PreviewRequest request) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new PreviewResponse(HtmlSanitizer.sanitize(request.body())));
    }
}
