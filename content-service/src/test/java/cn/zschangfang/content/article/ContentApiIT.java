package cn.zschangfang.content.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.content.support.Http;
import cn.zschangfang.content.support.ServiceIT;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ContentApiIT extends ServiceIT {

    static final String SEED = "shunde-village-industrial-park-renovation-seminar";
    static final String SEED_TITLE = "对标顺德闯出新路!中山专题研讨低效工业园改造问题";

    @Autowired
    JsonMapper json;

    Http http;

    @BeforeEach
    void importDemo() throws IOException {
        http = http();
        String demo;
        try (InputStream in = getClass().getResourceAsStream("/demo-articles.json")) {
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpResponse<String> r = http.admin("POST", "/api/content/admin/import", demo);
        assertThat(r.statusCode()).isEqualTo(200);
    }

    private JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    /** The status of a body-less admin call (read, publish, unpublish, delete). */
    private int adminStatus(String method, String path) {
        return http.admin(method, path, null).statusCode();
    }

    private static String article(String slug, String title, String body, String extra) {
        return """
                {"slug":"%s","title":"%s","body":"%s","category":"中山产业信息","tags":["测试"]%s}
                """.formatted(slug, title, body, extra);
    }

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
    void reimportingTheSameContentIsANoOp() throws IOException {
        String demo;
        try (InputStream in = getClass().getResourceAsStream("/demo-articles.json")) {
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode result = body(http.admin("POST", "/api/content/admin/import", demo));
        assertThat(result.get("created").asInt()).isZero();
        assertThat(result.get("updated").asInt()).isZero();
        assertThat(result.get("unchanged").asInt()).isEqualTo(5);
    }

    @Test
    void reimportWithChangesKeepsCountedViews() {
        importNew("reimport-keeps-views", "旧标题", 10);
        for (int i = 0; i < 3; i++) {
            assertThat(http.view("reimport-keeps-views", "reimport-" + i, Http.BROWSER)
                            .statusCode())
                    .isEqualTo(202);
        }
        awaitViews("reimport-keeps-views", 13);
        String v2 = "[" + article("reimport-keeps-views", "新标题", "<p>正文</p>", ",\"views\":20") + "]";
        assertThat(body(http.admin("POST", "/api/content/admin/import", v2))
                        .get("updated")
                        .asInt())
                .isEqualTo(1);
        JsonNode a = body(http.get("/api/content/articles/reimport-keeps-views"));
        assertThat(a.get("title").asString()).isEqualTo("新标题");
        assertThat(a.get("views").asLong()).isEqualTo(23);
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

    private void importNew(String slug, String title, long views) {
        String json = "[" + article(slug, title, "<p>正文</p>", ",\"views\":" + views) + "]";
        assertThat(body(http.admin("POST", "/api/content/admin/import", json))
                        .get("created")
                        .asInt())
                .isEqualTo(1);
    }

    private void awaitViews(String slug, long views) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> body(http.get("/api/content/articles/" + slug))
                                .get("views")
                                .asLong()
                        == views);
    }

    @Test
    void writeEndpointsRequireTheAdminToken() {
        String a = article("needs-token", "标题", "<p>x</p>", "");
        HttpResponse<String> none = http.post("/api/content/admin/articles", a);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(none).get("type").asString()).isEqualTo("https://zschangfang.cn/problems/unauthorized");
        HttpResponse<String> wrong =
                http.post("/api/content/admin/import", "[]", "Authorization", "Bearer local-admin-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(http.delete("/api/content/admin/articles/" + SEED).statusCode())
                .isEqualTo(401);
        assertThat(http.get("/api/content/articles/" + SEED).statusCode()).isEqualTo(200);
    }

    @Test
    void createIsIdempotentBySlugAndConflictsOnDifferentContent() {
        String a = article("idempotent-create", "标题", "<p>x</p>", "");
        HttpResponse<String> first = http.admin("POST", "/api/content/admin/articles", a);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Location")).hasValue("/api/content/admin/articles/idempotent-create");
        HttpResponse<String> again = http.admin("POST", "/api/content/admin/articles", a);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(body(again).get("id").asString())
                .isEqualTo(body(first).get("id").asString());
        HttpResponse<String> other =
                http.admin("POST", "/api/content/admin/articles", article("idempotent-create", "别的", "<p>y</p>", ""));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(body(other).get("type").asString()).isEqualTo("https://zschangfang.cn/problems/conflict");
    }

    @Test
    void draftIsNeverVisiblePubliclyUntilPublished() {
        assertThat(http.admin(
                                "POST",
                                "/api/content/admin/articles",
                                article("draft-only", "草稿独有标题", "<p>草稿</p>", ",\"tags\":[\"草稿标签\"]")
                                        .replace("\"tags\":[\"测试\"],", ""))
                        .statusCode())
                .isEqualTo(201);
        assertThat(http.get("/api/content/articles/draft-only").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/content/articles?q=草稿独有").body()).doesNotContain("draft-only");
        assertThat(http.get("/api/content/tags").body()).doesNotContain("草稿标签");
        assertThat(http.view("draft-only", "v1", Http.BROWSER).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/content/articles/" + SEED).body()).doesNotContain("draft-only");
        assertThat(adminStatus("GET", "/api/content/admin/articles/draft-only")).isEqualTo(200);

        assertThat(adminStatus("POST", "/api/content/admin/articles/draft-only/publish"))
                .isEqualTo(200);
        assertThat(http.get("/api/content/articles/draft-only").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/content/tags").body()).contains("草稿标签");
        assertThat(http.view("draft-only", "v1", Http.BROWSER).statusCode()).isEqualTo(202);

        assertThat(adminStatus("POST", "/api/content/admin/articles/draft-only/unpublish"))
                .isEqualTo(200);
        assertThat(http.get("/api/content/articles/draft-only").statusCode()).isEqualTo(404);
        assertThat(adminStatus("DELETE", "/api/content/admin/articles/draft-only"))
                .isEqualTo(204);
        assertThat(adminStatus("GET", "/api/content/admin/articles/draft-only")).isEqualTo(404);
    }

    @Test
    void scriptInBodyIsRemovedOnWrite() {
        String a = article(
                "xss-attempt",
                "XSS",
                "<p>你好</p><script>alert(1)</script><img src=\\\"https://img.example/a.png\\\" onerror=\\\"alert(2)\\\">"
                        + "<a href=\\\"javascript:alert(3)\\\">x</a>",
                ",\"status\":\"PUBLISHED\"");
        assertThat(http.admin("POST", "/api/content/admin/articles", a).statusCode())
                .isEqualTo(201);
        String stored =
                body(http.get("/api/content/articles/xss-attempt")).get("body").asString();
        assertThat(stored).contains("<p>你好</p>").contains("https://img.example/a.png");
        assertThat(stored.toLowerCase())
                .doesNotContain("script")
                .doesNotContain("onerror")
                .doesNotContain("javascript:");
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

    @Test
    void badInputGetsProblemDetailsNamingTheField() {
        HttpResponse<String> badSlug =
                http.admin("POST", "/api/content/admin/articles", article("Bad_Slug", "t", "<p>x</p>", ""));
        assertThat(badSlug.statusCode()).isEqualTo(400);
        assertThat(badSlug.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode p = body(badSlug);
        assertThat(p.get("type").asString()).isEqualTo("https://zschangfang.cn/problems/validation");
        assertThat(p.get("errors").get(0).get("field").asString()).isEqualTo("slug");

        JsonNode missingTitle = body(http.admin(
                "POST",
                "/api/content/admin/articles",
                "{\"slug\":\"x\",\"body\":\"b\",\"category\":\"c\",\"tags\":[]}"));
        assertThat(missingTitle.get("errors").toString()).contains("\"field\":\"title\"");

        HttpResponse<String> malformed = http.admin("POST", "/api/content/admin/articles", "{\"slug\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(body(malformed).get("type").asString()).isEqualTo("https://zschangfang.cn/problems/malformed_json");

        JsonNode wrongType = body(http.admin(
                "POST",
                "/api/content/admin/articles",
                article("typed", "t", "b", "").replace("[\"测试\"]", "{\"a\":1}")));
        assertThat(wrongType.get("errors").get(0).get("field").asString()).isEqualTo("tags");

        JsonNode badImport = body(http.admin(
                "POST", "/api/content/admin/import", "[" + article("ok-one", "t", "b", "") + ",{\"slug\":\"NO\"}]"));
        assertThat(badImport.get("errors").toString()).contains("[1].slug").contains("[1].title");

        HttpResponse<String> noVisitor = http.post("/api/content/articles/" + SEED + "/views", "{}");
        assertThat(noVisitor.statusCode()).isEqualTo(400);
        assertThat(body(noVisitor).get("errors").get(0).get("field").asString()).isEqualTo("visitorId");
        HttpResponse<String> blankVisitor =
                http.post("/api/content/articles/" + SEED + "/views", "{\"visitorId\":\" \"}");
        assertThat(body(blankVisitor).get("errors").get(0).get("field").asString())
                .isEqualTo("visitorId");

        HttpResponse<String> unknown = http.view("no-such-article", "v", Http.BROWSER);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(body(unknown).get("type").asString()).isEqualTo("https://zschangfang.cn/problems/not_found");

        HttpResponse<String> huge =
                http.post("/api/content/articles/" + SEED + "/views", "{\"visitorId\":\"" + "x".repeat(10_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(body(huge).get("type").asString()).isEqualTo("https://zschangfang.cn/problems/payload_too_large");

        HttpResponse<String> wrongMethod = http.delete("/api/content/articles/" + SEED);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> wrongMedia =
                http.post("/api/content/articles/" + SEED + "/views", "visitorId=1", "Content-Type", "text/plain");
        assertThat(wrongMedia.statusCode()).isIn(400, 415);
        assertThat(http.get("/api/content/nothing-here").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/content/nothing-here").body()).doesNotContain("Exception");
    }

    @Test
    void statsEndpointsServeDashboards() {
        http.view("nanqu-shuchong-industrial-park-plan", "stats-1", Http.BROWSER);
        http.view("nanqu-shuchong-industrial-park-plan", "stats-2", Http.BROWSER);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(http.get("/api/content/stats/top?window=1h&limit=50")
                                .body())
                        .contains("nanqu-shuchong-industrial-park-plan"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode traffic = body(http.get("/api/content/stats/traffic?minutes=5"));
            assertThat(traffic.get("series")).hasSize(5);
            assertThat(traffic.get("total").asLong()).isGreaterThanOrEqualTo(2);
        });
        JsonNode visitors = body(http.get("/api/content/stats/visitors?days=1"));
        assertThat(visitors.get("series").get(0).get("visitors").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(body(http.get("/api/content/stats/top?window=2h"))
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("window");
        assertThat(http.get("/api/content/stats/traffic?minutes=0").statusCode())
                .isEqualTo(400);
    }

    @Test
    void actuatorExposesOnlyHealthInfoAndPrometheusWithViewMetricsAndOpenApi() {
        assertThat(http.get("/actuator/health/readiness").body()).contains("UP");
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        http.view(SEED, "metrics-visitor", Http.BROWSER);
        http.view(SEED, "metrics-visitor", Http.BROWSER);
        http.view(SEED, "metrics-bot", "Googlebot/2.1");
        String prometheus = http.get("/actuator/prometheus").body();
        assertThat(prometheus)
                .contains("content_views_accepted_total")
                .contains("content_views_deduplicated_total")
                .contains("content_views_bots_total")
                .contains("spring_cloud_stream_binder_kafka_offset");
        assertThat(http.get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(http.get("/actuator/beans").statusCode()).isEqualTo(404);
        assertThat(http.get("/v3/api-docs").body())
                .contains("/api/content/articles/{slug}/views", "\"title\":\"content-service\"")
                .as("the article's JSON is written by its cache, and the document still names its schema")
                .contains("#/components/schemas/ArticleResponse");
    }

    @Test
    void articleWithoutTagsOrSummaryGetsNoTagsAndADerivedSummary() {
        HttpResponse<String> r = http.admin(
                "POST",
                "/api/content/admin/articles",
                "{\"slug\":\"no-tags\",\"title\":\"无标签\",\"body\":\"<p>厂房出租,<b>沙溪镇</b></p>\","
                        + "\"category\":\"厂房租售\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode a = body(r);
        assertThat(a.get("tags")).isEmpty();
        assertThat(a.get("summary").asString()).isEqualTo("厂房出租,沙溪镇");
        assertThat(a.get("status").asString()).isEqualTo("DRAFT");
    }
}
