package cn.zschangfang.site.article;

import cn.zschangfang.site.api.ContentClient.Article;

/** Short plain texts for meta descriptions and cards. */
final class Excerpts {

    static final int DESCRIPTION_LENGTH = 120;

    private Excerpts() {}

    static String description(Article article) {
        String text = article.summary();
        if (text == null || text.isBlank()) {
            text = article.body() == null ? article.title() : article.body().replaceAll("<[^>]*>", " ");
        }
        return shorten(text, DESCRIPTION_LENGTH);
    }

    static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
