package cn.zschangfang.content.article;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.content.support.Http;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The back office's writes and imports: the admin token, idempotent creates, drafts, sanitizing, bad input. */
class AdminArticlesIT extends ArticleApiITBase {

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

    @Test
    void reimportingTheSameContentIsANoOp() throws IOException {
        JsonNode result = body(http.admin("POST", "/api/content/admin/import", demoArticles()));
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
}
