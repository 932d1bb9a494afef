package cn.zschangfang.content.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * What an editor or the bulk import writes. {@code body} is HTML and is sanitized before it is stored;
 * {@code summary} is derived from the body's text when absent; {@code tags} may be omitted (none);
 * {@code views} is the count migrated from an old site.
 */
public record ArticleInput(
        @NotBlank @Size(max = 120) @Pattern(regexp = ArticleInput.SLUG_PATTERN)
        String slug,

        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 1_000_000) String body,
        @Size(max = 500) String summary,
        @NotBlank @Size(max = 60) String category,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
        @Size(max = 200) String source,
        @Size(max = 2000) String copyright,
        @Size(max = 100) String author,

        @Size(max = 1000) @Pattern(regexp = "^(https?://|/).*", message = "must be an http(s) URL or a path")
        String coverImage,

        ArticleStatus status,
        Instant publishedAt,
        @PositiveOrZero Long views) {

    /** Lowercase ASCII kebab-case. */
    public static final String SLUG_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
}
