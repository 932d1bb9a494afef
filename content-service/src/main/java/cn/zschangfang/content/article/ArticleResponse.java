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

    /** The article as the back office reads it: its stored count, no related reading. */
    static ArticleResponse of(Article a) {
        return of(a, a.views(), null);
    }

    /** The article with {@code views} as its count: the public read shows current counts (see {@link ViewCounts}). */
    static ArticleResponse of(Article a, long views, List<ArticleSummary> related) {
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
                views,
                related);
    }
}
