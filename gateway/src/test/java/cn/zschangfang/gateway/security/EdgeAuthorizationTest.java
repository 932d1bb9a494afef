package cn.zschangfang.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.gateway.support.GatewayTestBase;
import cn.zschangfang.gateway.support.StubService;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void theViewBeaconNeedsNoToken() {
        assertThat(postJson(
                                "/api/content/articles/shaxi/views",
                                "{\"visitorId\":\"v\"}",
                                "X-Forwarded-For",
                                "192.0.2.1")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theApiDocsArePublicWithHeadAsWithGet() {
        assertThat(call("HEAD", "/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
    }

    /**
     * Who may call what at the edge: {@code -} is no token. A request the edge refuses (401, 403) never reaches the
     * service behind it; one it lets through reaches it once.
     */
    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/leads                        | -       | 401
            GET    | /api/leads/L-9/export             | -       | 401
            HEAD   | /api/leads                        | -       | 401
            DELETE | /api/leads/L-1                    | -       | 401
            GET    | /api/leads                        | ADMIN   | 200
            GET    | /api/leads/L-9                    | AGENT   | 200
            GET    | /api/leads/stats                  | MANAGER | 200
            GET    | /api/leads/challenge              | -       | 200
            HEAD   | /api/agent/leads                  | -       | 401
            GET    | /api/content/articles/shaxi       | -       | 200
            PUT    | /api/content/articles/shaxi       | AGENT   | 403
            GET    | /api/content/admin/articles       | -       | 401
            GET    | /api/content/admin/articles       | MANAGER | 403
            GET    | /api/content/admin/articles       | ADMIN   | 200
            GET    | /api/content/admin/listings       | -       | 401
            GET    | /api/content/admin/listings       | AGENT   | 403
            POST   | /api/content/admin/listings/L-1/status | MANAGER | 200
            GET    | /api/content/admin/listings       | ADMIN   | 200
            GET    | /api/content/admin/audit          | MANAGER | 403
            GET    | /api/content/stats/traffic        | -       | 401
            GET    | /api/content/stats/traffic        | AGENT   | 403
            GET    | /api/content/stats/traffic        | MANAGER | 200
            GET    | /api/content/stats/top            | ADMIN   | 200
            GET    | /ack/token-123                    | -       | 200
            POST   | /ack/token-123                    | -       | 401
            POST   | /api/notify/agents                | MANAGER | 403
            GET    | /api/notify/agents                | AGENT   | 403
            HEAD   | /api/notify/agents                | -       | 401
            GET    | /api/notify/agents                | ADMIN   | 200
            GET    | /api/notify/sandbox/messages      | -       | 401
            POST   | /somewhere                        | -       | 401
            """)
    void onlyTheRolesAPathAllowsGetThroughAndARefusalNeverReachesTheService(
            String method, String path, String role, int status) {
        String token = switch (role) {
            case "-" -> null;
            case "AGENT" -> AGENT_TOKEN;
            case "MANAGER" -> MANAGER_TOKEN;
            case "ADMIN" -> ADMIN_TOKEN;
            default -> throw new IllegalArgumentException(role);
        };

        assertThat(call(method, path, token).statusCode()).isEqualTo(status);
        assertThat(upstreamOf(path).receivedOn(path)).hasSize(status == 200 ? 1 : 0);
    }

    private static StubService upstreamOf(String path) {
        if (path.startsWith("/api/content")) {
            return CONTENT;
        }
        if (path.startsWith("/api/notify") || path.startsWith("/ack")) {
            return NOTIFY;
        }
        return path.startsWith("/api/") ? LEAD : SITE;
    }

    @Test
    void preflightFromTheConfiguredSiteOriginIsAllowed() {
        HttpResponse<String> response =
                preflight("http://localhost:8080", "Access-Control-Request-Headers", "content-type");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(m -> assertThat(m).contains("POST"));
        assertThat(LEAD.received()).as("a preflight is answered at the edge").isEmpty();
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        HttpResponse<String> response = preflight("https://evil.example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(LEAD.received()).isEmpty();
    }

    /** The browser's CORS preflight for a lead POST from {@code origin}; {@code headers}: more name/value pairs. */
    private HttpResponse<String> preflight(String origin, String... headers) {
        HttpRequest.Builder builder = request("/api/leads")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST");
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
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
}
