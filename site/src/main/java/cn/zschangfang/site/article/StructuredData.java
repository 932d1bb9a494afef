package cn.zschangfang.site.article;

import cn.zschangfang.site.api.ContentClient.Article;
import cn.zschangfang.site.config.Brand;
import cn.zschangfang.site.web.JsonLd;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON-LD for search engines: the article as a schema.org {@code NewsArticle} and its breadcrumb (escaped as
 * {@link JsonLd} escapes every page's).
 */
@Component
class StructuredData {

    private final JsonMapper json;
    private final Brand brand;

    StructuredData(JsonMapper json, Brand brand) {
        this.json = json;
        this.brand = brand;
    }

    String newsArticle(Article article, String canonical) {
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", brand.getName());
        publisher.put("url", brand.url("/"));
        publisher.put("logo", JsonLd.node("ImageObject", "url", brand.url("/assets/img/favicon.svg")));

        Map<String, Object> news = new LinkedHashMap<>();
        news.put("@context", "https://schema.org");
        news.put("@type", "NewsArticle");
        news.put("mainEntityOfPage", JsonLd.node("WebPage", "@id", canonical));
        news.put("headline", article.title());
        news.put("description", Excerpts.description(article));
        news.put("inLanguage", "zh-CN");
        if (article.publishedAt() != null) {
            news.put("datePublished", article.publishedAt().toString());
            news.put(
                    "dateModified",
                    (article.updatedAt() == null ? article.publishedAt() : article.updatedAt()).toString());
        }
        news.put(
                "author", JsonLd.node("Person", "name", article.author() == null ? brand.getName() : article.author()));
        news.put("publisher", publisher);
        if (article.category() != null) {
            news.put("articleSection", article.category());
        }
        if (article.tags() != null && !article.tags().isEmpty()) {
            news.put("keywords", String.join(",", article.tags()));
        }
        if (article.coverImage() != null) {
            news.put("image", List.of(article.coverImage()));
        }

        String section = article.category() == null ? "产业资讯" : article.category();
        return JsonLd.script(
                json,
                List.of(news, JsonLd.breadcrumb(brand, section, categoryUrl(article), article.title(), canonical)));
    }

    private String categoryUrl(Article article) {
        return article.category() == null
                ? brand.url("/articles")
                : brand.url("/categories/"
                        + org.springframework.web.util.UriUtils.encodePathSegment(
                                article.category(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
