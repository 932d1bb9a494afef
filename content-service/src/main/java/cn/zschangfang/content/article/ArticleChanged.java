package cn.zschangfang.content.article;

/**
 * In-process notice that an article was written (after the write), so this instance's caches drop it at once and
 * {@link ArticleChangeEvents} tells the other instances on {@code content.article-changed}.
 */
public record ArticleChanged(String articleId, String slug, Change change) {

    /** What happened, as in the event's {@code change} field. */
    public enum Change {
        CREATED,
        UPDATED,
        PUBLISHED,
        UNPUBLISHED,
        DELETED
    }
}
