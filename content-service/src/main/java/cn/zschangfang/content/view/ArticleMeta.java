package cn.zschangfang.content.view;

import java.util.List;

/** What the beacon needs to know about a published article, cached by slug. */
public record ArticleMeta(String articleId, String slug, String title, String category, List<String> tags) {}
