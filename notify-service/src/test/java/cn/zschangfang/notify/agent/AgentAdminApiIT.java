package cn.zschangfang.notify.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.notify.support.NotifyIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AgentAdminApiIT extends NotifyIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void createdAgentGetsItsTokenOnceAndTheTokenIdentifiesItUntilDeactivation() throws Exception {
        String body = """
                {"name":"李经理","role":"MANAGER","mobile":"13800138000","towns":["小榄镇"],
                 "wecomWebhook":"%s","workingHours":[{"days":["MON","TUE"],"from":"08:30","to":"18:00"}]}
                """.formatted(ROBOT.url("/admin-test"));
        HttpResponse<String> created = createAgent(body);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode agent = json.readTree(created.body());
        String id = agent.get("id").asString();
        String token = agent.get("token").asString();
        assertThat(token).startsWith("agt_");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/notify/agents/" + id);

        // the token is stored only as a hash and never shown again
        assertThat(registry.find(id).orElseThrow().tokenHash())
                .isEqualTo(AgentTokens.sha256(token))
                .doesNotContain(token);
        HttpResponse<String> fetched = call("GET", "/api/notify/agents/" + id, ADMIN, null);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).doesNotContain(token).doesNotContain("tokenHash");

        HttpResponse<String> me = call("GET", "/internal/auth/agent", "Bearer " + token, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("agentId").asString()).isEqualTo(id);
        assertThat(json.readTree(me.body()).get("name").asString()).isEqualTo("李经理");
        assertThat(json.readTree(me.body()).get("role").asString()).isEqualTo("MANAGER");

        assertThat(call("DELETE", "/api/notify/agents/" + id, ADMIN, null).statusCode())
                .isEqualTo(204);
        assertThat(call("GET", "/internal/auth/agent", "Bearer " + token, null).statusCode())
                .isEqualTo(401);
        assertThat(auditActions(id)).containsExactly("DEACTIVATED", "CREATED");
    }

    /** The agent's audit trail, newest first: which admin changes were recorded (no personal data in it). */
    private List<String> auditActions(String id) throws Exception {
        HttpResponse<String> audit = call("GET", "/api/notify/agents/" + id + "/audit", ADMIN, null);
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).doesNotContain("13800138000", "李经理", "赵六", ROBOT.url(""));
        List<String> actions = new ArrayList<>();
        json.readTree(audit.body()).forEach(e -> actions.add(e.get("action").asString()));
        return actions;
    }

    @Test
    void unknownOrMissingAgentTokensAre401ProblemDetails() throws Exception {
        HttpResponse<String> none = call("GET", "/internal/auth/agent", null, null);
        HttpResponse<String> wrong = call("GET", "/internal/auth/agent", "Bearer agt_nope", null);
        for (HttpResponse<String> r : new HttpResponse[] {none, wrong}) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(r.body()).contains("https://zschangfang.cn/problems/unauthorized");
        }
    }

    @Test
    void adminApiRequiresTheAdminToken() throws Exception {
        assertThat(call("GET", "/api/notify/agents", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/notify/agents", "Bearer local-admin-token", null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(call("GET", "/api/notify/agents", ADMIN, null).statusCode()).isEqualTo(200);
    }

    @Test
    void webhookOutsideTheAllowListIsRejectedNamingTheField() throws Exception {
        HttpResponse<String> r = createAgent("{\"name\":\"王五\",\"wecomWebhook\":\"https://169.254.169.254/latest\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://zschangfang.cn/problems/validation");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("wecomWebhook");
    }

    @Test
    void badInputGetsFieldNamingProblemDetailsNever500() throws Exception {
        HttpResponse<String> malformed = createAgent("{\"name\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("malformed_json");

        HttpResponse<String> wrongType = createAgent("{\"name\":\"a\",\"weight\":\"heavy\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("\"field\":\"weight\"");

        HttpResponse<String> invalid = createAgent("{\"name\":\"\",\"mobile\":\"123\",\"propertyTypes\":[\"CASTLE\"]}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"name\"", "\"field\":\"mobile\"", "propertyTypes[0]");

        assertThat(call("GET", "/api/notify/agents/nope", ADMIN, null).statusCode())
                .isEqualTo(404);
        assertThat(call("PATCH", "/api/notify/agents/nope", ADMIN, "{}").statusCode())
                .isEqualTo(405);
        HttpResponse<String> xml = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/notify/agents"))
                        .header("Authorization", ADMIN)
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString("<a/>"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(xml.statusCode()).isEqualTo(415);
        HttpResponse<String> huge = createAgent("{\"name\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("payload_too_large");
    }

    @Test
    void activeAgentWithoutAUsableChannelIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> guessedShape = createAgent(
                "{\"name\":\"猜错格式\",\"channels\":{\"wecomWebhook\":\"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k\"}}");
        assertThat(guessedShape.statusCode()).isEqualTo(400);
        assertThat(guessedShape.body()).contains("\"field\":\"channels");
    }

    @Test
    void sandboxRobotAnswersLikeWecomAndListsNewestFirst() throws Exception {
        String key = unique("sbx");
        HttpResponse<String> first = call(
                "POST",
                "/api/notify/sandbox/robot/" + key,
                null,
                "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"one\"}}");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json.readTree(first.body()).get("errcode").asInt()).isZero();
        assertThat(json.readTree(first.body()).get("errmsg").asString()).isEqualTo("ok");
        // newest first is by receipt time: let the clock move past the first message's before sending the second
        Instant firstAt = Instant.parse(json.readTree(call("GET", "/api/notify/sandbox/messages?key=" + key, null, null)
                        .body())
                .get(0)
                .get("receivedAt")
                .asString());
        await().atMost(Duration.ofSeconds(2)).until(() -> Instant.now().isAfter(firstAt));
        call(
                "POST",
                "/api/notify/sandbox/robot/" + key,
                null,
                "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"two\"}}");

        JsonNode list = json.readTree(call("GET", "/api/notify/sandbox/messages?key=" + key, null, null)
                .body());
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("body").get("markdown").get("content").asString())
                .isEqualTo("two");
        assertThat(list.get(1).get("body").get("markdown").get("content").asString())
                .isEqualTo("one");
    }

    @Test
    void updatingWithTheMaskedSecretKeepsTheStoredSecretAndDeactivationRevokesTheToken() throws Exception {
        String body = """
                {"name":"赵六","dingtalkWebhook":"%s","dingtalkSecret":"SECoriginal"}
                """.formatted(ROBOT.url("/ding-admin"));
        JsonNode created = json.readTree(createAgent(body).body());
        String id = created.get("id").asString();
        String token = created.get("token").asString();
        JsonNode shown = json.readTree(
                        call("GET", "/api/notify/agents/" + id, ADMIN, null).body())
                .get("agent");
        assertThat(shown.get("dingtalkSecret").asString()).isEqualTo("***");

        String put = """
                {"name":"赵六","dingtalkWebhook":"%s","dingtalkSecret":"***","active":false}
                """.formatted(ROBOT.url("/ding-admin"));
        assertThat(call("PUT", "/api/notify/agents/" + id, ADMIN, put).statusCode())
                .isEqualTo(200);

        assertThat(registry.find(id).orElseThrow().spec().channels().dingtalkSecret())
                .isEqualTo("SECoriginal");
        assertThat(call("GET", "/internal/auth/agent", "Bearer " + token, null).statusCode())
                .isEqualTo(401);
        assertThat(auditActions(id)).containsExactly("UPDATED", "CREATED");
    }

    /** The admin's {@code POST /api/notify/agents} with this JSON body. */
    private HttpResponse<String> createAgent(String body) throws Exception {
        return call("POST", "/api/notify/agents", ADMIN, body);
    }
}
