package cn.zschangfang.content.article;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.content.support.Http;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the site reads: an article with its related reading, lists, tags and categories, and their HTTP caching. */
class PublicArticlesIT extends ArticleApiITBase {

    @Test
    void seedArticleIsServedInUtf8WithItsTagViewsAndRelatedArticles() {
        HttpResponse<String> r = http.get("/api/content/articles/" + SEED);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).contains("application/json"));
        JsonNode a = body(r);
        assertThat(a.get("title").asString()).isEqualTo(SEED_TITLE);
        assertThat(a.get("category").asString()).isEqualTo("中山产业信息");
        assertThat(a.get("tags").get(0).asString()).isEqualTo("中山工业园");
        assertThat(a.get("views").asLong()).isGreaterThanOrEqualTo(36);
        assertThat(a.get("summary").asString()).startsWith("11月12日,中山市召开");
        List<String> related = new ArrayList<>();
        a.get("related").forEach(n -> related.add(n.get("slug").asString()));
        // The four sharing the tag come first, newest first; other articles of the category (from other tests in
        // this shared database) may follow; never itself, at most six.
        assertThat(related).hasSizeLessThanOrEqualTo(6).doesNotContain(SEED);
        assertThat(related)
                .startsWith(
                        "shaxi-village-industrial-park-renovation",
                        "shenwan-shenxi-industrial-park-2106-plan-approval",
                        "nanqu-shuchong-industrial-park-plan",
                        "low-efficiency-park-loan-interest-subsidy-rules");
        assertThat(a.get("related").get(0).has("body")).isFalse();
    }

    @Test
    void aRepeatedReadAnswersTheSameJsonUntilAViewIsCountedThenTheNewCountUnderANewEtag() {
        importNew("written-once", "写一次", 5);
        HttpResponse<String> first = http.get("/api/content/articles/written-once");
        HttpResponse<String> second = http.get("/api/content/articles/written-once");
        assertThat(first.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("ETag"))
                .isEqualTo(first.headers().firstValue("ETag"));
        assertThat(body(first).get("views").asLong()).isEqualTo(5);

        assertThat(http.view("written-once", "written-once-visitor", Http.BROWSER)
                        .statusCode())
                .isEqualTo(202);

        awaitViews("written-once", 6);
        HttpResponse<String> counted = http.get("/api/content/articles/written-once");
        assertThat(counted.headers().firstValue("ETag"))
                .isNotEqualTo(first.headers().firstValue("ETag"));
        assertThat(body(counted).get("title").asString()).isEqualTo("写一次");
    }

    @Test
    void listFiltersSearchesChineseKeywordsAndPages() {
        JsonNode all = body(http.get("/api/content/articles?category=中山产业信息&tag=中山工业园&size=2&page=0"));
        assertThat(all.get("total").asLong()).isEqualTo(5);
        assertThat(all.get("items")).hasSize(2);
        assertThat(all.get("items").get(0).get("slug").asString()).isEqualTo(SEED);
        assertThat(all.get("items").get(0).has("body")).isFalse();
        JsonNode page2 = body(http.get("/api/content/articles?category=中山产业信息&tag=中山工业园&size=2&page=2"));
        assertThat(page2.get("items")).hasSize(1);

        JsonNode found = body(http.get("/api/content/articles?q=沙溪"));
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("slug").asString())
                .isEqualTo("shaxi-village-industrial-park-renovation");
        // Regex metacharacters are literal.
        assertThat(body(http.get("/api/content/articles?q=(2106")).get("total").asLong())
                .isEqualTo(1);
        assertThat(body(http.get("/api/content/articles?q=.*")).get("total").asLong())
                .isZero();

        JsonNode popular = body(http.get("/api/content/articles?tag=中山工业园&sort=popular"));
        assertThat(popular.get("items").get(0).get("slug").asString()).isEqualTo(SEED);

        assertThat(http.get("/api/content/articles?sort=random").statusCode()).isEqualTo(400);
        JsonNode badSize = body(http.get("/api/content/articles?size=1000"));
        assertThat(badSize.get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertThat(body(http.get("/api/content/articles?page=abc"))
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("page");
    }

    @Test
    void tagsAndCategoriesCarryCounts() {
        JsonNode tags = body(http.get("/api/content/tags"));
        boolean found = false;
        for (JsonNode t : tags) {
            if (t.get("name").asString().equals("中山工业园")) {
                assertThat(t.get("count").asLong()).isGreaterThanOrEqualTo(5);
                found = true;
            }
        }
        assertThat(found).isTrue();
        assertThat(http.get("/api/content/categories").body()).contains("中山产业信息");
    }

    @Test
    void publicResponsesCarryEtagAndCacheControlAndRevalidate() {
        HttpResponse<String> r = http.get("/api/content/articles/" + SEED);
        assertThat(r.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cc -> assertThat(cc).contains("max-age=1").contains("public"));
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get("/api/content/articles/" + SEED, "If-None-Match", etag)
                        .statusCode())
                .isEqualTo(304);
        assertThat(http.get("/api/content/tags").headers().firstValue("ETag")).isPresent();
    }
}
