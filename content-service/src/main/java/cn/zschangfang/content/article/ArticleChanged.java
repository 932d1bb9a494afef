package cn.zschangfang.content.article;

/** In-process notice that an article was written, so caches keyed by slug drop it at once. */
public record ArticleChanged(String slug) {}
