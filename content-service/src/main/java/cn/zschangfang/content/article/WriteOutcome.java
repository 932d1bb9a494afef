package cn.zschangfang.content.article;

import cn.zschangfang.content.bulk.BulkImport;

/** What a create-or-update did, for the idempotent create and the import's counts. */
public record WriteOutcome(BulkImport.Outcome kind, Article article) {}
