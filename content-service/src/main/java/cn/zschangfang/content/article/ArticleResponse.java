package cn.zschangfang.content.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** An article as the API returns it; {@code related} only on the public single-article read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleResponse(
        String id,
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
        ArticleStatus status,
        Instant publishedAt,
        Instant updatedAt,
        long views,
        List<ArticleSummary> related) {

    /** The same article with current view counts (see {@link ViewCounts}). */
    ArticleResponse withViews(long count, List<ArticleSummary> relatedNow) {
        return new ArticleResponse(
                id,
                slug,
                title,
                body,
                summary,
                category,
                tags,
                source,
                copyright,
                author,
                coverImage,
                status,
                publishedAt,
                updatedAt,
                count,
                relatedNow);
    }

    static ArticleResponse of(Article a, List<ArticleSummary> related) {
        return new ArticleResponse(
                a.id(),
                a.slug(),
                a.title(),
                a.body(),
                a.summary(),
                a.category(),
                a.tags() == null ? List.of() : a.tags(),
                a.source(),
                a.copyright(),
                a.author(),
                a.coverImage(),
                a.status(),
                a.publishedAt(),
                a.updatedAt(),
                a.views(),
                related);
    }
}
