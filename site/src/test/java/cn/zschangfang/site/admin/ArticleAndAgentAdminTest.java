package cn.zschangfang.site.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ArticleAndAgentAdminTest extends AdminTestBase {

    private static final String AGENT = """
            {"id":"demo-liwei","agent":{"id":"demo-liwei","name":"李伟","role":"AGENT","mobile":"13800138001",
             "wecomWebhook":"http://127.0.0.1/sandbox/robot/demo-liwei","dingtalkSecret":"***","sms":false,
             "towns":["火炬开发区","东升镇"],"propertyTypes":["FACTORY"],"intents":[],"weight":2,"maxOpenLeads":null,
             "workingHours":[{"days":["MON","TUE","WED","THU","FRI"],"from":"08:30:00","to":"18:00:00"}],
             "active":true,"backup":null},"hasToken":true,"createdAt":"2026-11-30T01:00:00Z","updatedAt":"2026-11-30T01:00:00Z"}
            """;

    @Test
    void thePreviewIsTheSanitizersOutputAndNeedsTheCsrfHeader() {
        Browser admin = signedIn("ADMIN");
        CONTENT.answer("POST", "/api/content/admin/articles/preview", 200, "{\"html\":\"<p>安全</p>\"}");

        HttpResponse<String> preview =
                postXhr("/admin/articles/preview", admin, form("body", "<p>安全</p><script>alert(1)</script>"));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).isEqualTo("{\"html\":\"<p>安全</p>\"}");
        assertThat(CONTENT.firstBody("POST", "/api/content/admin/articles/preview"))
                .contains("<script>alert(1)</script>");
        assertThat(post("/admin/articles/preview", admin.cookie(), form("body", "<p>x</p>"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anArticleWithABadSlugIsRefusedAtTheSlugAndAGoodOneIsCreated() {
        Browser admin = signedIn("ADMIN");
        HttpResponse<String> bad = submit(
                "/admin/articles", admin, "slug", "中文 slug", "title", "标题", "category", "中山产业信息", "body", "<p>正文</p>");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).containsPattern(fieldError("slug", "只能用小写字母"));

        CONTENT.answer("POST", "/api/content/admin/articles", 201, "{\"slug\":\"factory-guide\",\"status\":\"DRAFT\"}");
        HttpResponse<String> created = submit(
                "/admin/articles",
                admin,
                "slug",
                "factory-guide",
                "title",
                "标题",
                "category",
                "中山产业信息",
                "tags",
                "厂房，租赁",
                "body",
                "<p>正文</p>");
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(CONTENT.firstBody("POST", "/api/content/admin/articles"))
                .contains("\"slug\":\"factory-guide\"", "\"tags\":[\"厂房\",\"租赁\"]", "\"body\":\"<p>正文</p>\"");
    }

    @Test
    void anAgentIsEditedWithItsWorkingHoursAndKeepsTownsOutsideTheReferenceList() {
        Browser admin = signedIn("ADMIN");
        NOTIFY.answer("GET", "/api/notify/agents/demo-liwei", 200, AGENT);
        NOTIFY.answer("PUT", "/api/notify/agents/demo-liwei", 200, AGENT);

        HttpResponse<String> editor = get("/admin/agents/demo-liwei", admin.cookie());
        assertThat(editor.statusCode()).isEqualTo(200);
        assertThat(editor.body()).contains("发送测试消息", "value=\"08:30\"", "value=\"东升镇\" checked");

        HttpResponse<String> saved = submit(
                "/admin/agents/demo-liwei",
                admin,
                "name",
                "李伟",
                "role",
                "AGENT",
                "active",
                "true",
                "dingtalkSecret",
                "***",
                "towns",
                "东升镇",
                "weight",
                "2",
                "hours[0].days",
                "MON",
                "hours[0].from",
                "08:30",
                "hours[0].to",
                "18:00");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(NOTIFY.firstBody("PUT", "/api/notify/agents/demo-liwei"))
                .contains("\"towns\":[\"东升镇\"]", "\"dingtalkSecret\":\"***\"", "\"weight\":2", "\"active\":true")
                .contains("\"workingHours\":[{\"days\":[\"MON\"],\"from\":\"08:30\",\"to\":\"18:00\"}]");

        HttpResponse<String> halfRow =
                submit("/admin/agents/demo-liwei", admin, "name", "李伟", "role", "AGENT", "hours[0].days", "MON");
        assertThat(halfRow.statusCode()).isEqualTo(400);
        assertThat(halfRow.body()).containsPattern(fieldError("workingHours", "第 1 行"));
    }

    @Test
    void theTestMessageShowsTheResultOfEachChannel() {
        Browser admin = signedIn("ADMIN");
        NOTIFY.answer("GET", "/api/notify/agents/demo-liwei", 200, AGENT);
        NOTIFY.answer("POST", "/api/notify/agents/demo-liwei/test-message", 200, """
                {"results":[{"channel":"WECOM","status":"SENT","detail":"errcode 0"},
                            {"channel":"SMS","status":"FAILED","detail":"SMS 未配置"}]}
                """);

        HttpResponse<String> page = submit("/admin/agents/demo-liwei/test-message", admin);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("企业微信", "✓ 已送达", "errcode 0").contains("短信", "✗ FAILED", "SMS 未配置");
    }
}
