package cn.zschangfang.content.article;

import java.time.Instant;
import java.util.List;

/**
 * An article in listings and in "related reading" (no body). {@code updatedAt} lets the site's sitemap give an
 * edited article its real {@code lastmod}.
 */
public record ArticleSummary(
        String slug,
        String title,
        String summary,
        String category,
        List<String> tags,
        String coverImage,
        Instant publishedAt,
        long views,
        Instant updatedAt) {

    /** The same summary with a current view count (see {@link ViewCounts}). */
    ArticleSummary withViews(long count) {
        return new ArticleSummary(slug, title, summary, category, tags, coverImage, publishedAt, count, updatedAt);
    }

    static ArticleSummary of(Article a) {
        return new ArticleSummary(
                a.slug(),
                a.title(),
                a.summary(),
                a.category(),
                a.tags() == null ? List.of() : a.tags(),
                a.coverImage(),
                a.publishedAt(),
                a.views(),
                a.updatedAt());
    }
}
