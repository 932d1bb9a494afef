package cn.zschangfang.site.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SessionAccessTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + hostPort(server));
    private final MongoTemplate mongo = new MongoTemplate(client, "site-test");
    private final AgentProperties properties =
            new AgentProperties("t", java.time.Duration.ofMinutes(5), java.time.Duration.ofDays(7), "zs_agent");
    private final SessionCookies cookies = new SessionCookies(properties, new MockEnvironment());
    private final SiteSessions sessions = new SiteSessions(mongo, Clock.systemUTC());
    private final SessionAccess access = new SessionAccess(new BrowserSessions(sessions, cookies));

    private static String hostPort(MongoServer server) {
        var address = server.bind();
        return address.getHostString() + ":" + address.getPort();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private String signedIn(String role) {
        return sessions.create("agt-1", "葛毅明", role, "ags_x", Instant.now().plusSeconds(3600));
    }

    private MockHttpServletRequest request(String method, String path, String cookie) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (cookie != null) {
            request.setCookies(new Cookie("zs_agent", cookie));
        }
        return request;
    }

    @Test
    void withoutASessionPagesRedirectToSignInAndPostsAreRefused() throws Exception {
        MockHttpServletResponse page = new MockHttpServletResponse();
        assertThat(access.preHandle(request("GET", "/agent", null), page, null)).isFalse();
        assertThat(page.getRedirectedUrl()).isEqualTo("/agent/login");

        MockHttpServletResponse post = new MockHttpServletResponse();
        assertThat(access.preHandle(request("POST", "/agent/leads/x/ack", "forged"), post, null))
                .isFalse();
        assertThat(post.getStatus()).isEqualTo(401);
    }

    @Test
    void aSessionIsFoundByAnyInstanceFromTheDatabaseAndPostsNeedItsCsrfToken() throws Exception {
        String cookie = signedIn("AGENT");
        // another instance: nothing in memory, only the database
        SessionAccess other =
                new SessionAccess(new BrowserSessions(new SiteSessions(mongo, Clock.systemUTC()), cookies));

        MockHttpServletRequest get = request("GET", "/agent", cookie);
        MockHttpServletResponse ok = new MockHttpServletResponse();
        assertThat(other.preHandle(get, ok, null)).isTrue();
        SiteSession session = (SiteSession) get.getAttribute(SessionAccess.ATTRIBUTE);
        assertThat(session.agentId()).isEqualTo("agt-1");
        assertThat(ok.getHeader("Cache-Control")).isEqualTo("no-store, private");

        MockHttpServletResponse noToken = new MockHttpServletResponse();
        assertThat(other.preHandle(request("POST", "/agent/leads/x/ack", cookie), noToken, null))
                .isFalse();
        assertThat(noToken.getStatus()).isEqualTo(403);

        MockHttpServletRequest withToken = request("POST", "/agent/leads/x/ack", cookie);
        withToken.addParameter("_csrf", session.csrf());
        assertThat(other.preHandle(withToken, new MockHttpServletResponse(), null))
                .isTrue();
    }

    @Test
    void theDashboardIsForManagersAndASignedOutCookieOpensNothing() throws Exception {
        String agent = signedIn("AGENT");
        MockHttpServletResponse forbidden = new MockHttpServletResponse();
        assertThat(access.preHandle(request("GET", "/dashboard", agent), forbidden, null))
                .isFalse();
        assertThat(forbidden.getStatus()).isEqualTo(403);

        String manager = signedIn("MANAGER");
        assertThat(access.preHandle(request("GET", "/dashboard", manager), new MockHttpServletResponse(), null))
                .isTrue();

        sessions.delete(manager);
        MockHttpServletResponse after = new MockHttpServletResponse();
        assertThat(access.preHandle(request("GET", "/dashboard", manager), after, null))
                .isFalse();
        assertThat(after.getRedirectedUrl()).isEqualTo("/agent/login");
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureOutsideTheLocalProfile() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        cookies.write(response, "abc");
        assertThat(response.getHeader("Set-Cookie"))
                .contains("zs_agent=abc", "HttpOnly", "SameSite=Lax", "Secure", "Path=/");

        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        MockHttpServletResponse localResponse = new MockHttpServletResponse();
        new SessionCookies(properties, local).write(localResponse, "abc");
        assertThat(localResponse.getHeader("Set-Cookie")).contains("HttpOnly").doesNotContain("Secure");
    }
}
