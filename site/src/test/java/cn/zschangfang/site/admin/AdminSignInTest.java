package cn.zschangfang.site.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "site.admin.max-failed-logins=3")
class AdminSignInTest extends AdminTestBase {

    @Test
    void anonymousPagesGoToTheSignInPageAndAnonymousPostsAreRefused() {
        HttpResponse<String> page = get("/admin/listings", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login"));

        assertThat(post("/admin/listings", null, form("title", "x")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void theAdminTokenCheckedByNotifyOpensTheBackOfficeAndLivesOnlyInTheServerSideSession() {
        HttpResponse<String> login = get("/admin/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("noindex", "管理口令");
        String pre = cookie(login, "zs_csrf");

        HttpResponse<String> signedIn =
                post("/admin/login", pre, form("_csrf", csrfOf(login.body()), "token", " " + ADMIN_TOKEN + " "));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        String session = cookie(signedIn, "zs_agent");
        assertThat(session).isNotNull().doesNotContain(ADMIN_TOKEN);
        assertThat(String.join(" ", signedIn.headers().allValues("Set-Cookie"))).doesNotContain(ADMIN_TOKEN);
        assertThat(NOTIFY.requests("GET", "/api/notify/agents"))
                .anySatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + ADMIN_TOKEN));

        CONTENT.answer("GET", "/api/content/admin/listings", 200, "{\"items\":[],\"page\":0,\"size\":20,\"total\":4}");
        HttpResponse<String> home = get("/admin", session);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("后台概览", "经纪人", "操作记录", "noindex");
        assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-store, private");
        assertThat(home.headers().firstValue("X-Robots-Tag")).hasValue("noindex, nofollow");
        assertThat(CONTENT.requests("GET", "/api/content/admin/listings"))
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + ADMIN_TOKEN));
    }

    @Test
    void aWrongTokenIsRefusedAndRepeatedFailuresFromOneAddressAreThrottled() {
        HttpResponse<String> login = get("/admin/login", null);
        String pre = cookie(login, "zs_csrf");
        String csrf = csrfOf(login.body());
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> wrong = post("/admin/login", pre, form("_csrf", csrf, "token", "guess-" + i));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("管理口令不正确");
            assertThat(cookie(wrong, "zs_agent")).isNull();
        }
        // even the right token is not checked any more from this address
        HttpResponse<String> blocked = post("/admin/login", pre, form("_csrf", csrf, "token", ADMIN_TOKEN));
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("失败次数过多");
        assertThat(cookie(blocked, "zs_agent")).isNull();
    }

    @Test
    void theSignInFormWithoutItsCsrfTokenIsRefused() {
        HttpResponse<String> forged = post("/admin/login", null, form("token", ADMIN_TOKEN));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(cookie(forged, "zs_agent")).isNull();
        assertThat(NOTIFY.requests("GET", "/api/notify/agents")).isEmpty();
    }

    @Test
    void aSignedInPostWithoutTheSessionsCsrfTokenIsRefusedBeforeAnyServiceIsCalled() {
        Browser admin = signedIn("ADMIN");
        assertThat(post("/admin/listings", admin.cookie(), form("title", "厂房")).statusCode())
                .isEqualTo(403);
        assertThat(post("/admin/listings", admin.cookie(), form("_csrf", "forged", "title", "厂房"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(CONTENT.requests("POST", "/api/content/admin/listings")).isEmpty();
    }

    @Test
    void anAgentGetsTheForbiddenPageAndAManagerOnlyTheListings() {
        Browser agent = signedIn("AGENT");
        HttpResponse<String> forbidden = get("/admin", agent.cookie());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("<html");

        Browser manager = signedIn("MANAGER");
        CONTENT.answer("GET", "/api/content/admin/listings", 200, "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}");
        HttpResponse<String> listings = get("/admin/listings", manager.cookie());
        assertThat(listings.statusCode()).isEqualTo(200);
        assertThat(listings.body()).contains("房源管理").doesNotContain("/admin/agents\"");
        // a manager's own token goes to content-service, which checks it with notify
        assertThat(CONTENT.requests("GET", "/api/content/admin/listings"))
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer ags_manager_token"));
        assertThat(get("/admin/agents", manager.cookie()).statusCode()).isEqualTo(403);
        assertThat(get("/admin/articles", manager.cookie()).statusCode()).isEqualTo(403);
        assertThat(get("/admin/audit", manager.cookie()).statusCode()).isEqualTo(403);
    }

    @Test
    void signingOutEndsTheSession() {
        Browser admin = signedIn("ADMIN");
        HttpResponse<String> out = submit("/admin/logout", admin);
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(get("/admin", admin.cookie()).statusCode()).isEqualTo(302);
    }

    @Test
    void robotsKeepCrawlersOutOfTheBackOffice() {
        assertThat(get("/robots.txt", null).body()).contains("Disallow: /admin");
    }
}
