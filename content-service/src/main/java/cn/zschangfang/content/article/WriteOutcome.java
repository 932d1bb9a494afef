package cn.zschangfang.content.article;

/** What a create-or-update did, for the idempotent create and the import's counts. */
public record WriteOutcome(Kind kind, Article article) {

    /** Idempotency result. */
    public enum Kind {
        CREATED,
        UPDATED,
        UNCHANGED
    }
}
