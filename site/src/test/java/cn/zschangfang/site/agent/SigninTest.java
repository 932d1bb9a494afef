package cn.zschangfang.site.agent;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.site.support.SessionSiteTestBase;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The inbox's one-time-link sign-in and sign-out, with notify's sign-in API stubbed. */
class SigninTest extends SessionSiteTestBase {

    private static final String REDEMPTIONS = "/internal/signin/redemptions";

    /** notify redeems the link for this agent ({@code leadId} may be null). */
    private static void notifyRedeems(String role, String leadId) {
        NOTIFY.answer("POST", REDEMPTIONS, 200, """
                {"agentId":"agt-li","name":"李伟","role":"%s","apiToken":"ags_li_token","expiresAt":"%s",\
                "leadId":%s,"unknown":true}""".formatted(
                        role, Instant.now().plusSeconds(3600), leadId == null ? "null" : "\"" + leadId + "\""));
    }

    /** Opens the link as the agent's browser does and sends the page's form: the answer to that POST. */
    private HttpResponse<String> openLink(String token) {
        HttpResponse<String> confirm = get("/agent/signin?token=" + token, null);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("正在登录", "value=\"" + token + "\"");
        return post("/agent/signin", cookie(confirm, "zs_csrf"), form("_csrf", csrfOf(confirm.body()), "token", token));
    }

    private static String sessionId(String cookie) {
        return cookie.substring(cookie.indexOf('=') + 1);
    }

    @ParameterizedTest
    @CsvSource({"AGENT,, /agent", "MANAGER,, /dashboard", "AGENT, lead-42, /agent/leads/lead-42?from=ack"})
    void aValidLinkStartsASessionAndOpensTheAgentsPage(String role, String leadId, String location) {
        notifyRedeems(role, leadId);

        HttpResponse<String> signedIn = openLink("tok-valid");

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(location));
        String cookie = cookie(signedIn, "zs_agent");
        assertThat(cookie).isNotNull().doesNotContain("ags_li_token");
        assertThat(sessions.find(sessionId(cookie))).hasValueSatisfying(s -> {
            assertThat(s.agentId()).isEqualTo("agt-li");
            assertThat(s.role()).isEqualTo(role);
            assertThat(s.apiToken()).isEqualTo("ags_li_token");
        });
        assertThat(NOTIFY.requests("POST", REDEMPTIONS)).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer " + ADMIN_TOKEN);
            assertThat(r.text()).isEqualTo("{\"token\":\"tok-valid\"}");
        });
    }

    @Test
    void aUsedOrUnknownLinkIsRefusedWithTheFailedPageAndNoSession() {
        NOTIFY.answer("POST", REDEMPTIONS, 401, "{\"status\":401,\"title\":\"Unauthorized\"}");

        HttpResponse<String> refused = openLink("tok-used");

        assertThat(refused.statusCode()).isEqualTo(410);
        assertThat(refused.body()).contains("登录链接已失效", "重新获取登录链接");
        assertThat(cookie(refused, "zs_agent")).isNull();
        assertThat(NOTIFY.requests("POST", REDEMPTIONS)).hasSize(1);
    }

    @Test
    void aLinkWithoutTheFormsCsrfTokenOrWithoutATokenIsRefusedBeforeNotifyIsAsked() {
        notifyRedeems("AGENT", null);

        HttpResponse<String> forged = post("/agent/signin", null, form("token", "tok-valid"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("登录链接已失效");
        assertThat(cookie(forged, "zs_agent")).isNull();
        HttpResponse<String> noToken = get("/agent/signin", null);
        assertThat(noToken.statusCode()).isEqualTo(400);
        assertThat(noToken.body()).contains("登录链接已失效");
        assertThat(NOTIFY.requests("POST", REDEMPTIONS)).isEmpty();
    }

    @Test
    void signingOutEndsTheSessionHereAndTheAgentsTokenAtNotify() {
        notifyRedeems("AGENT", null);
        String cookie = cookie(openLink("tok-valid"), "zs_agent");
        String csrf = sessions.find(sessionId(cookie)).orElseThrow().csrf();

        // a sign-out without the session's CSRF token is refused and changes nothing
        assertThat(post("/agent/logout", cookie, form()).statusCode()).isEqualTo(403);
        assertThat(sessions.find(sessionId(cookie))).isPresent();

        HttpResponse<String> out = post("/agent/logout", cookie, form("_csrf", csrf));

        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/agent/login"));
        assertThat(out.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("zs_agent=").containsIgnoringCase("Max-Age=0"));
        assertThat(sessions.find(sessionId(cookie))).isEmpty();
        assertThat(NOTIFY.requests("DELETE", "/internal/signin/session"))
                .singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer ags_li_token"));
        HttpResponse<String> after = get("/agent", cookie);
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/agent/login"));
    }
}
