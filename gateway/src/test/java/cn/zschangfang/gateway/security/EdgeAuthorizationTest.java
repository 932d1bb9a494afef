package cn.zschangfang.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.gateway.support.GatewayTestBase;
import cn.zschangfang.gateway.support.StubService;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EdgeAuthorizationTest extends GatewayTestBase {

    private static final String AGENT_TOKEN = "agent-token-of-wang";
    private static final String MANAGER_TOKEN = "manager-token-of-li";

    @BeforeEach
    void notifyKnowsTwoTokens() {
        NOTIFY.on("/internal/auth/agent", (exchange, body) -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (("Bearer " + AGENT_TOKEN).equals(auth)) {
                StubService.json(exchange, 200, "{\"agentId\":\"agent-1\",\"name\":\"王伟\",\"role\":\"AGENT\",\"x\":1}");
            } else if (("Bearer " + MANAGER_TOKEN).equals(auth)) {
                StubService.json(exchange, 200, "{\"agentId\":\"mgr-1\",\"name\":\"李娜\",\"role\":\"MANAGER\"}");
            } else if ("Bearer notify-trouble".equals(auth)) {
                StubService.json(exchange, 500, "{}");
            } else {
                StubService.json(exchange, 401, "");
            }
        });
    }

    private HttpResponse<String> call(String method, String path, String token) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder.build());
    }

    @Test
    void agentApiWithoutTokenIs401Problem() {
        HttpResponse<String> response = call("GET", "/api/agent/leads", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).contains("https://zschangfang.cn/problems/unauthorized");
        assertThat(LEAD.received()).isEmpty();
    }

    @Test
    void agentApiWithUnknownTokenIs401() {
        assertThat(call("GET", "/api/agent/leads", "forged").statusCode()).isEqualTo(401);
        assertThat(LEAD.received()).isEmpty();
    }

    @Test
    void agentApiWithTheWrongRoleIs403Problem() {
        HttpResponse<String> response = call("GET", "/api/agent/leads", ADMIN_TOKEN);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("https://zschangfang.cn/problems/forbidden");
        assertThat(LEAD.received()).isEmpty();
    }

    @Test
    void agentTokenVerifiedByNotifyReachesTheAgentApiAndIsCachedBriefly() {
        assertThat(call("GET", "/api/agent/leads", AGENT_TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/agent/leads?page=2", AGENT_TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/api/agent/leads", MANAGER_TOKEN).statusCode()).isEqualTo(200);

        assertThat(LEAD.received()).hasSize(3);
        assertThat(NOTIFY.receivedOn("/internal/auth/agent"))
                .as("one verification per token while cached")
                .hasSize(2);
    }

    @Test
    void tokenThatCannotBeVerifiedGives503OnProtectedPathsButPublicPathsStillWork() {
        HttpResponse<String> agentApi = call("GET", "/api/agent/leads", "notify-trouble");
        assertThat(agentApi.statusCode()).isEqualTo(503);
        assertThat(agentApi.body()).contains("problems/unavailable");

        assertThat(call("GET", "/api/content/articles/shaxi", "notify-trouble").statusCode())
                .isEqualTo(200);
        assertThat(LEAD.received()).isEmpty();
    }

    @Test
    void leadListAndDetailNeedAnAuthenticatedRole() {
        assertThat(call("GET", "/api/leads", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/leads/L-9/export", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/leads", ADMIN_TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/leads/L-9", AGENT_TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/leads/stats", MANAGER_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void publicEndpointsNeedNoToken() {
        assertThat(call("GET", "/api/leads/challenge", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/content/articles/shaxi", null).statusCode())
                .isEqualTo(200);
        assertThat(postJson(
                                "/api/content/articles/shaxi/views",
                                "{\"visitorId\":\"v\"}",
                                "X-Forwarded-For",
                                "192.0.2.1")
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/ack/token-123", null).statusCode()).isEqualTo(200);
    }

    @Test
    void contentAdministrationNeedsAdmin() {
        assertThat(call("GET", "/api/content/admin/articles", null).statusCode())
                .isEqualTo(401);
        assertThat(call("GET", "/api/content/admin/articles", MANAGER_TOKEN).statusCode())
                .isEqualTo(403);
        assertThat(call("PUT", "/api/content/articles/shaxi", AGENT_TOKEN).statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/api/content/admin/articles", ADMIN_TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(CONTENT.received()).hasSize(1);
    }

    @Test
    void theListingBackOfficeIsForManagersAndAdminsButNotAgents() {
        assertThat(call("GET", "/api/content/admin/listings", null).statusCode())
                .isEqualTo(401);
        assertThat(call("GET", "/api/content/admin/listings", AGENT_TOKEN).statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/content/admin/listings/L-1/status", MANAGER_TOKEN)
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/api/content/admin/listings", ADMIN_TOKEN).statusCode())
                .isEqualTo(200);
        // Managers reach listings only, not the rest of the content back office.
        assertThat(call("GET", "/api/content/admin/audit", MANAGER_TOKEN).statusCode())
                .isEqualTo(403);
        assertThat(CONTENT.received()).hasSize(2);
    }

    @Test
    void trafficStatsAreForManagersAndAdmins() {
        assertThat(call("GET", "/api/content/stats/traffic", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/content/stats/traffic", AGENT_TOKEN).statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/api/content/stats/traffic", MANAGER_TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/api/content/stats/top", ADMIN_TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(CONTENT.received()).hasSize(2);
    }

    @Test
    void acknowledgementLinksAreOpenedWithGetOnly() {
        assertThat(call("POST", "/ack/token-123", null).statusCode()).isEqualTo(401);
        assertThat(NOTIFY.received()).isEmpty();
    }

    @Test
    void agentRegistryNeedsAdminAndSandboxIsNotPublicOutsideTheLocalStack() {
        assertThat(call("POST", "/api/notify/agents", MANAGER_TOKEN).statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/api/notify/agents", AGENT_TOKEN).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/notify/agents", ADMIN_TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/notify/sandbox/messages", null).statusCode())
                .isEqualTo(401);
        assertThat(NOTIFY.receivedOn("/api/notify")).hasSize(1);
    }

    @Test
    void preflightFromTheConfiguredSiteOriginIsAllowed() {
        HttpResponse<String> response = send(request("/api/leads")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(m -> assertThat(m).contains("POST"));
        assertThat(LEAD.received()).as("a preflight is answered at the edge").isEmpty();
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        HttpResponse<String> response = send(request("/api/leads")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(LEAD.received()).isEmpty();
    }

    @Test
    void responsesCarrySecurityHeaders() {
        HttpResponse<String> response = call("GET", "/api/content/articles/shaxi", null);

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
    }

    @Test
    void headIsPublicOnlyWhereGetIs() {
        assertThat(call("HEAD", "/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
        assertThat(call("HEAD", "/api/leads", null).statusCode()).isEqualTo(401);
        assertThat(call("HEAD", "/api/agent/leads", null).statusCode()).isEqualTo(401);
        assertThat(call("HEAD", "/api/notify/agents", null).statusCode()).isEqualTo(401);
        assertThat(LEAD.received()).isEmpty();
        assertThat(NOTIFY.received()).isEmpty();
    }

    @Test
    void unknownWritesAreRefused() {
        assertThat(call("POST", "/somewhere", null).statusCode()).isEqualTo(401);
        assertThat(call("DELETE", "/api/leads/L-1", null).statusCode()).isEqualTo(401);
    }
}
