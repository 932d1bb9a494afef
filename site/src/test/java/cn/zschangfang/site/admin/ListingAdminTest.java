package cn.zschangfang.site.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListingAdminTest extends AdminTestBase {

    private static final String LISTING = """
            {"id":"lst-1","slug":"huoju-factory-3000","title":"火炬开发区 单层厂房","deal":"LEASE","propertyType":"STANDARD_FACTORY",
             "town":"火炬开发区","agentId":"demo-liwei","status":"DRAFT","buildingAreaTotal":3000.0,"clearHeightM":8.5,
             "amenities":["DORMITORY"],"floorSpecs":[{"floor":1,"clearHeightM":8.5}],"photos":[{"id":"ph-1","caption":"外观"}],
             "statusHistory":[{"status":"DRAFT","by":"admin","at":"2026-12-01T02:00:00Z"}],"updatedAt":"2026-12-01T02:00:00Z"}
            """;

    private static Map<String, String> validListing(String csrf) {
        return form(
                "_csrf", csrf,
                "title", "火炬开发区 单层厂房",
                "deal", "LEASE",
                "propertyType", "STANDARD_FACTORY",
                "town", "火炬开发区",
                "agentId", "demo-liwei",
                "buildingAreaTotal", "３０００",
                "clearHeightM", "8.5",
                "powerKva", "630",
                "sprinklers", "true",
                "allowedIndustries", "五金、电子",
                "amenities", "DORMITORY",
                "lotSizeArea", "4.5",
                "lotSizeUnit", "MU");
    }

    @Test
    void aNewListingGoesToContentServiceAsTypedJsonAndOpensItsEditor() {
        Browser admin = signedIn("ADMIN");
        CONTENT.answer("POST", "/api/content/admin/listings", 201, LISTING);

        HttpResponse<String> created = post("/admin/listings", admin.cookie(), validListing(admin.csrf()));

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/listings/lst-1?done=created"));
        var sent = CONTENT.requests("POST", "/api/content/admin/listings").get(0);
        assertThat(sent.authorization()).isEqualTo("Bearer " + ADMIN_TOKEN);
        assertThat(sent.text())
                .contains("\"buildingAreaTotal\":3000.0", "\"powerKva\":630", "\"sprinklers\":true")
                .contains("\"allowedIndustries\":[\"五金\",\"电子\"]", "\"amenities\":[\"DORMITORY\"]")
                .contains("\"lotSizeMu\":4.5")
                .doesNotContain("_csrf", "lotSizeUnit", "\"lotSizeArea\"");
    }

    @Test
    void whatTheSiteCanCheckIsShownAtItsFieldWithoutCallingTheService() {
        Browser admin = signedIn("ADMIN");
        Map<String, String> bad = validListing(admin.csrf());
        bad.put("title", "");
        bad.put("clearHeightM", "八米");
        bad.put("powerKva", "99999999");

        HttpResponse<String> page = post("/admin/listings", admin.cookie(), bad);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .containsPattern(fieldError("title", "必填"))
                .containsPattern(fieldError("clearHeightM", "请输入数字"))
                .containsPattern(fieldError("powerKva", "应在 1 到 1000000 之间"))
                .contains("value=\"八米\"");
        assertThat(CONTENT.requests("POST", "/api/content/admin/listings")).isEmpty();
    }

    @Test
    void theServicesFieldErrorsAreShownAtTheirFields() {
        Browser admin = signedIn("ADMIN");
        CONTENT.answer("POST", "/api/content/admin/listings", 400, """
                {"type":"https://zschangfang.cn/problems/validation","title":"Bad Request","status":400,
                 "errors":[{"field":"agentId","code":"invalid_value","message":"经纪人不存在"},
                           {"field":"lotSizeMu","code":"out_of_range","message":"超出允许范围"}]}
                """);

        HttpResponse<String> page = post("/admin/listings", admin.cookie(), validListing(admin.csrf()));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .containsPattern(fieldError("agentId", "经纪人不存在"))
                .containsPattern(fieldError("lotSizeArea", "超出允许范围"))
                .contains("提交的内容有误");
    }

    @Test
    void savingKeepsWhatTheFormDoesNotEditAndStatusActionsFollowTheLifeCycle() {
        Browser admin = signedIn("ADMIN");
        CONTENT.answer("GET", "/api/content/admin/listings/lst-1", 200, LISTING);
        CONTENT.answer("PUT", "/api/content/admin/listings/lst-1", 200, LISTING);

        HttpResponse<String> editor = get("/admin/listings/lst-1", admin.cookie());
        assertThat(editor.statusCode()).isEqualTo(200);
        assertThat(editor.body())
                .contains("基本信息", "面积与结构", "配电与消防", "产权与环评", "租金与售价", "配套")
                .contains("提交审核", "value=\"3000\"", "/admin/listings/lst-1/photos/ph-1/list.jpg")
                .doesNotContain("标记已租");

        assertThat(post("/admin/listings/lst-1", admin.cookie(), validListing(admin.csrf()))
                        .statusCode())
                .isEqualTo(302);
        assertThat(CONTENT.firstBody("PUT", "/api/content/admin/listings/lst-1"))
                .contains("\"floorSpecs\":[{\"floor\":1");
    }

    @Test
    void theEditorAfterARedirectConfirmsAKnownDoneCodeAndNeverShowsTheUrlsText() {
        Browser admin = signedIn("ADMIN");
        CONTENT.answer("GET", "/api/content/admin/listings/lst-1", 200, LISTING);

        assertThat(get("/admin/listings/lst-1?done=saved", admin.cookie()).body())
                .contains("role=\"status\">已保存</div>");
        assertThat(get("/admin/listings/lst-1?done=%E5%B7%B2%E4%B8%8A%E6%9E%B6", admin.cookie())
                        .body())
                .doesNotContain("alert--ok", "已上架");
        assertThat(get("/admin/listings/lst-1", admin.cookie()).body()).doesNotContain("alert--ok");
    }

    @Test
    void aStatusChangeCarriesItsReasonAndARefusedTransitionIsExplainedOnTheEditor() {
        Browser admin = signedIn("ADMIN");
        CONTENT.answer("GET", "/api/content/admin/listings/lst-1", 200, LISTING);
        CONTENT.answer("POST", "/api/content/admin/listings/lst-1/status", 200, LISTING);

        HttpResponse<String> changed =
                submit("/admin/listings/lst-1/status", admin, "status", "PENDING_REVIEW", "reason", "业主确认");

        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(changed.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l)
                        .doesNotContain("jsessionid")
                        .endsWith("/admin/listings/lst-1?done=status#status"));
        assertThat(CONTENT.firstBody("POST", "/api/content/admin/listings/lst-1/status"))
                .isEqualTo("{\"status\":\"PENDING_REVIEW\",\"reason\":\"业主确认\"}");

        CONTENT.answer(
                "POST",
                "/api/content/admin/listings/lst-1/status",
                409,
                "{\"status\":409,\"title\":\"Conflict\",\"detail\":\"不能从草稿直接上架\"}");
        HttpResponse<String> refused = submit("/admin/listings/lst-1/status", admin, "status", "PUBLISHED");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("当前状态不允许此操作：不能从草稿直接上架", "提交审核");
    }

    @Test
    void aPhotoIsForwardedAsMultipartWithTheSignedInUsersToken() {
        Browser manager = signedIn("MANAGER");
        CONTENT.answer("POST", "/api/content/admin/listings/lst-1/photos", 201, "{\"id\":\"ph-2\"}");
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};

        HttpResponse<String> uploaded = multipart(
                "/admin/listings/lst-1/photos",
                manager.cookie(),
                form("_csrf", manager.csrf(), "caption", "外观"),
                "front.jpg",
                jpeg);

        assertThat(uploaded.statusCode()).isEqualTo(302);
        var sent = CONTENT.requests("POST", "/api/content/admin/listings/lst-1/photos")
                .get(0);
        assertThat(sent.authorization()).isEqualTo("Bearer ags_manager_token");
        assertThat(sent.contentType()).startsWith("multipart/form-data");
        assertThat(sent.text()).contains("name=\"file\"; filename=\"front.jpg\"", "name=\"caption\"", "外观");
    }

    @Test
    void theAuditLogNamesEachChangeInChineseAndLinksItsListing() {
        Browser admin = signedIn("ADMIN");
        CONTENT.answer("GET", "/api/content/admin/audit", 200, """
                {"items":[{"id":"a1","at":"2026-12-02T01:53:00Z","by":"admin","action":"STATUS_CHANGED",
                 "listingId":"lst-1","detail":"DRAFT → PENDING_REVIEW"}],"page":0,"size":20,"total":1}
                """);

        HttpResponse<String> page = get("/admin/audit", admin.cookie());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("状态变更", "2026-12-02 09:53", "href=\"/admin/listings/lst-1\"");
        assertThat(CONTENT.requests("GET", "/api/content/admin/audit").get(0).query())
                .contains("size=20");
    }
}
