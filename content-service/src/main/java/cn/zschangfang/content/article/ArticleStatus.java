package cn.zschangfang.content.article;

/** Only PUBLISHED articles are ever visible on the public API. */
public enum ArticleStatus {
    DRAFT,
    PUBLISHED
}
