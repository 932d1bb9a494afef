package cn.zschangfang.content.listing;

import static cn.zschangfang.platform.test.ProblemContract.assertProblem;
import static cn.zschangfang.platform.test.ProblemContract.codes;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.content.support.Http;
import cn.zschangfang.content.support.ServiceIT;
import cn.zschangfang.platform.problem.ProblemType;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The back office: life cycle, what the public sees at each step, 400s naming fields, 409s, audit, preview. */
class ListingAdminIT extends ServiceIT {

    @Autowired
    JsonMapper json;

    Http http;

    @BeforeEach
    void client() {
        http = http();
    }

    private JsonNode create(String slug, String extra) {
        HttpResponse<String> r =
                http.admin("POST", "/api/content/admin/listings", ListingFixtures.listing(slug, "火炬开发区", extra));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body());
    }

    /** The problem a listing body is refused with as invalid when the admin creates it. */
    private JsonNode refusedCreate(String body) {
        return assertProblem(http.admin("POST", "/api/content/admin/listings", body), ProblemType.VALIDATION);
    }

    private static String firstField(JsonNode problem) {
        return problem.path("errors").get(0).path("field").asString();
    }

    private HttpResponse<String> status(String id, String status) {
        return http.admin(
                "POST",
                "/api/content/admin/listings/" + id + "/status",
                "{\"status\":\"" + status + "\",\"reason\":\"测试\"}");
    }

    @Test
    void aDraftIsNotPublicUntilReviewedAndPublished() {
        JsonNode draft = create("admin-lifecycle", "");
        String id = draft.path("id").asString();
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertProblem(http.get("/api/content/listings/" + id), ProblemType.NOT_FOUND);
        assertProblem(http.get("/api/content/listings/admin-lifecycle"), ProblemType.NOT_FOUND);

        assertThat(status(id, "PENDING_REVIEW").statusCode()).isEqualTo(200);
        assertProblem(http.get("/api/content/listings/" + id), ProblemType.NOT_FOUND);
        HttpResponse<String> published = status(id, "PUBLISHED");
        assertThat(published.statusCode()).isEqualTo(200);

        HttpResponse<String> pub = http.get("/api/content/listings/admin-lifecycle");
        assertThat(pub.statusCode()).isEqualTo(200);
        assertThat(pub.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("public").contains("max-age"));
        String etag = pub.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get("/api/content/listings/admin-lifecycle", "If-None-Match", etag)
                        .statusCode())
                .isEqualTo(304);
        JsonNode body = json.readTree(pub.body());
        assertThat(body.path("id").asString()).isEqualTo(id);
        assertThat(body.path("agentId").asString()).isEqualTo("demo-liwei");
        assertThat(body.has("statusHistory"))
                .as("history is for the back office")
                .isFalse();

        JsonNode admin = json.readTree(
                http.admin("GET", "/api/content/admin/listings/" + id, null).body());
        assertThat(admin.path("statusHistory")
                        .valueStream()
                        .map(h -> h.path("status").asString()))
                .containsExactly("DRAFT", "PENDING_REVIEW", "PUBLISHED");
        assertThat(admin.path("statusHistory").get(2).path("by").asString()).isEqualTo("admin");
        assertThat(admin.path("statusHistory").get(2).path("reason").asString()).isEqualTo("测试");

        assertThat(status(id, "WITHDRAWN").statusCode()).isEqualTo(200);
        assertProblem(http.get("/api/content/listings/" + id), ProblemType.NOT_FOUND);
    }

    @Test
    void anIllegalStepOfTheLifeCycleIs409() {
        String id = create("admin-illegal", "").path("id").asString();
        assertProblem(status(id, "PUBLISHED"), ProblemType.CONFLICT);
        status(id, "PENDING_REVIEW");
        status(id, "PUBLISHED");
        // Offered for lease only: it can be leased, not sold.
        assertProblem(status(id, "SOLD"), ProblemType.CONFLICT);
        assertThat(status(id, "LEASED").statusCode()).isEqualTo(200);
        assertProblem(status(id, "PUBLISHED"), ProblemType.CONFLICT);
    }

    @Test
    void badBodiesAre400sNamingTheField() {
        JsonNode unknown = refusedCreate(ListingFixtures.listing("admin-bad", "火炬开发区", ",\"colour\":\"red\""));
        assertThat(firstField(unknown)).isEqualTo("colour");
        assertThat(codes(unknown)).containsExactly("unknown_field");

        JsonNode badEnum = refusedCreate(ListingFixtures.listing("admin-bad", "火炬开发区", ",\"fireHazardClass\":\"Z\""));
        assertThat(firstField(badEnum)).isEqualTo("fireHazardClass");

        JsonNode town = refusedCreate(ListingFixtures.listing("admin-bad", "顺德区", ""));
        assertThat(firstField(town)).isEqualTo("town");
        assertThat(codes(town)).containsExactly("unknown_town");

        JsonNode range = refusedCreate(ListingFixtures.listing("admin-bad", "火炬开发区", ",\"clearHeightM\":500"));
        assertThat(firstField(range)).isEqualTo("clearHeightM");

        JsonNode missing = refusedCreate(
                "{\"title\":\"x\",\"deal\":\"LEASE\",\"town\":\"火炬\",\"agentId\":\"a\",\"buildingAreaTotal\":10}");
        assertThat(missing.path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactly("propertyType");

        JsonNode param = assertProblem(http.get("/api/content/listings?fireClass=Z"), ProblemType.VALIDATION);
        assertThat(firstField(param)).isEqualTo("fireClass");
        JsonNode sort = assertProblem(http.get("/api/content/listings?sort=cheapest"), ProblemType.VALIDATION);
        assertThat(firstField(sort)).isEqualTo("sort");
        JsonNode range2 =
                assertProblem(http.get("/api/content/listings?minArea=500&maxArea=100"), ProblemType.VALIDATION);
        assertThat(firstField(range2)).isEqualTo("maxArea");
    }

    @Test
    void aSlugInUseIsRefusedAndAnEditKeepsTheSlug() {
        String id = create("admin-slug", "").path("id").asString();
        JsonNode dup = refusedCreate(ListingFixtures.listing("admin-slug", "火炬开发区", ""));
        assertThat(codes(dup)).containsExactly("duplicate");
        HttpResponse<String> put = http.admin(
                "PUT",
                "/api/content/admin/listings/" + id,
                ListingFixtures.listing(null, "南朗", ",\"clearHeightM\":7.5"));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode edited = json.readTree(put.body());
        assertThat(edited.path("slug").asString()).isEqualTo("admin-slug");
        assertThat(edited.path("town").asString()).isEqualTo("南朗街道");
        assertThat(edited.path("clearHeightM").asDouble()).isEqualTo(7.5);
    }

    @Test
    void withoutTheAdminTokenTheBackOfficeIs401AndAnAgentTokenNobodyCanCheckIs503() {
        assertProblem(http.get("/api/content/admin/listings"), ProblemType.UNAUTHORIZED);
        // No notify-service in this test: another token cannot be checked, which is not the caller's fault.
        assertProblem(
                http.post(
                        "/api/content/admin/listings",
                        ListingFixtures.listing("x", "火炬", ""),
                        "Authorization",
                        "Bearer nope"),
                ProblemType.UNAVAILABLE);
        assertProblem(http.get("/api/content/admin/audit"), ProblemType.UNAUTHORIZED);
    }

    @Test
    void everyChangeIsInTheAuditLogWithWhoAndWhen() {
        String id = create("admin-audit", "").path("id").asString();
        status(id, "PENDING_REVIEW");
        http.admin("POST", "/api/content/admin/listings/" + id + "/verify", null);
        JsonNode audit = json.readTree(
                http.admin("GET", "/api/content/admin/audit?size=200", null).body());
        var mine = audit.path("items")
                .valueStream()
                .filter(e -> id.equals(e.path("listingId").asString()))
                .toList();
        assertThat(mine)
                .extracting(e -> e.path("action").asString())
                .containsExactly("VERIFIED", "STATUS_CHANGED", "CREATED");
        assertThat(mine).allSatisfy(e -> {
            assertThat(e.path("by").asString()).isEqualTo("admin");
            assertThat(e.path("at").asString()).isNotBlank();
        });
        JsonNode listing = json.readTree(
                http.admin("GET", "/api/content/admin/listings/" + id, null).body());
        assertThat(listing.path("lastVerifiedAt").asString()).isNotBlank();
    }

    @Test
    void articleWritesAreInTheAuditLogToo() {
        HttpResponse<String> r = http.admin(
                "POST",
                "/api/content/admin/articles",
                "{\"slug\":\"audit-article\",\"title\":\"审计\",\"body\":\"<p>x</p>\",\"category\":\"中山产业信息\"}");
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        JsonNode audit = json.readTree(
                http.admin("GET", "/api/content/admin/audit?size=200", null).body());
        assertThat(audit.path("items")
                        .valueStream()
                        .filter(e -> "ARTICLE_CHANGED".equals(e.path("action").asString()))
                        .map(e -> e.path("detail").asString()))
                .contains("POST /api/content/admin/articles");
    }

    @Test
    void theAdminListShowsEveryStatusAndFiltersByOne() {
        String id = create("admin-list", "").path("id").asString();
        JsonNode drafts = json.readTree(http.admin("GET", "/api/content/admin/listings?status=DRAFT&size=100", null)
                .body());
        assertThat(drafts.path("items").valueStream().map(i -> i.path("id").asString()))
                .contains(id);
        assertThat(drafts.path("items").valueStream().map(i -> i.path("status").asString()))
                .containsOnly("DRAFT");
    }

    @Test
    void articlePreviewReturnsTheSanitizedHtml() {
        HttpResponse<String> r = http.admin(
                "POST",
                "/api/content/admin/articles/preview",
                "{\"body\":\"<p onclick=\\\"x()\\\">厂房<script>alert(1)</script><a href=\\\"javascript:x()\\\">链接</a></p>\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String html = json.readTree(r.body()).path("html").asString();
        assertThat(html)
                .contains("<p>厂房")
                .doesNotContain("script")
                .doesNotContain("onclick")
                .doesNotContain("javascript");
        assertProblem(http.post("/api/content/admin/articles/preview", "{\"body\":\"x\"}"), ProblemType.UNAUTHORIZED);
    }
}
