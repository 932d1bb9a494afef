package cn.zschangfang.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.localstack.DemoData;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Through the front door, as an attacker or a careless colleague would try: someone else's lead, forged, expired and
 * replayed acknowledgement links, admin endpoints without the admin token, a revoked agent token.
 */
@Order(2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewaySecurityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACK_LINK = Pattern.compile("/ack/([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");
    /** The local profile's development secret (docs/architecture.md): lets the test mint expired tokens. */
    private static final String ACK_SECRET = "local-ack-secret";

    private SharedStack stack;
    private final Http http = new Http();
    private String tokenA;
    private String tokenB;
    private String leadOfB;

    @BeforeAll
    void agentsAndALeadForB() throws Exception {
        stack = SharedStack.get();
        tokenA = Agents.create(stack, "sec-agent-a", "板芙镇");
        tokenB = Agents.create(stack, "sec-agent-b", "港口镇");
        LeadTraffic.Sent lead;
        try (LeadTraffic traffic = new LeadTraffic(stack.gatewayUrl())) {
            lead = traffic.send("港口镇", false);
        }
        assertThat(lead.accepted()).as("lead for B accepted: " + lead.status()).isTrue();
        leadOfB = lead.leadId();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !stack.robots.messagesFor(leadOfB).isEmpty());
    }

    @Test
    void anotherAgentsLeadIsNotFoundAndTheOwnerSeesIt() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> gatewayGet("/api/leads/" + leadOfB, tokenB).status() == 200);
        assertThat(gatewayGet("/api/leads/" + leadOfB, tokenA).status()).isEqualTo(404);
        Http.Reply ack =
                http.post(stack.gatewayUrl() + "/api/agent/leads/" + leadOfB + "/ack", "{}", Http.bearer(tokenA));
        assertThat(ack.status()).as(ack.body()).isEqualTo(404);
        assertThat(http.get(stack.gatewayUrl() + "/api/agent/leads", Http.bearer(tokenA))
                        .body())
                .doesNotContain(leadOfB);
    }

    @Test
    void acknowledgementLinkRefusesForgedTamperedAndExpiredTokens() throws Exception {
        String content = stack.robots.messagesFor(leadOfB).get(0).content();
        Matcher link = ACK_LINK.matcher(content);
        assertThat(link.find()).as("ack link in " + content).isTrue();
        String token = link.group(1);

        String payload = token.substring(0, token.indexOf('.'));
        String forgedSignature = payload + "." + sign(payload, "not-the-secret");
        String tamperedPayload = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString((leadOfB + "|sec-agent-a|"
                                        + Instant.now().plusSeconds(3600).getEpochSecond())
                                .getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));
        String expiredPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((leadOfB + "|sec-agent-b|"
                                + Instant.now().minusSeconds(60).getEpochSecond())
                        .getBytes(StandardCharsets.UTF_8));
        String expired = expiredPayload + "." + sign(expiredPayload, ACK_SECRET);
        for (String bad : List.of(forgedSignature, tamperedPayload, expired, "garbage", token + "x")) {
            Http.Reply reply = gatewayGet("/ack/" + bad, null);
            assertThat(reply.status())
                    .as("ack with " + bad + ": " + reply.body())
                    .isEqualTo(403);
        }
        assertThat(leadStatus()).isNotEqualTo("ACKNOWLEDGED");
    }

    @Test
    void genuineAcknowledgementLinkAcknowledgesOnceAndAReplayIsHarmless() throws Exception {
        Matcher link = ACK_LINK.matcher(stack.robots.messagesFor(leadOfB).get(0).content());
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        Http.Reply first = gatewayGet("/ack/" + token, null);
        Http.Reply replay = gatewayGet("/ack/" + token, null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "ACKNOWLEDGED".equals(leadStatus()));
    }

    @Test
    void adminEndpointsRefuseNoWrongAndAgentTokens() {
        Map<String, String> bodies = Map.of(
                "GET /api/notify/agents",
                "",
                "POST /api/notify/agents",
                "{\"name\":\"x\",\"wecomWebhook\":\"http://127.0.0.1:1/robot/x\"}",
                "POST /api/notify/admin/dlq/replay?max=1",
                "",
                "GET /api/content/admin/articles/" + DemoData.SEED_ARTICLE,
                "",
                "POST /api/content/admin/import",
                "[]",
                "DELETE /api/leads/" + leadOfB + "/personal-data",
                "",
                "GET /api/leads/stats",
                "",
                "GET /api/content/stats/top",
                "");
        for (Map.Entry<String, String> endpoint : bodies.entrySet()) {
            String[] parts = endpoint.getKey().split(" ", 2);
            for (String token : new String[] {null, "wrong-token", SharedStack.ADMIN + "x", tokenA}) {
                Map<String, String> headers = token == null ? Map.of() : Http.bearer(token);
                Http.Reply reply = http.send(
                        parts[0],
                        stack.gatewayUrl() + parts[1],
                        "application/json",
                        endpoint.getValue().isEmpty()
                                ? null
                                : endpoint.getValue().getBytes(StandardCharsets.UTF_8),
                        headers);
                assertThat(reply.status())
                        .as(endpoint.getKey() + " with " + (token == null ? "no token" : "token " + token) + ": "
                                + reply.body())
                        .isIn(token == tokenA ? List.of(403, 404) : List.of(401));
            }
        }
        assertThat(gatewayGet("/api/leads/" + leadOfB, null).status()).isEqualTo(401);
        assertThat(http.get(stack.gatewayUrl() + "/internal/auth/agent", Http.bearer(tokenA))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void deactivatedAgentsTokenStopsWorkingWithinTheStatedCacheTime() throws Exception {
        String token = Agents.create(stack, "sec-revoked", "阜沙镇");
        assertThat(gatewayGet("/api/agent/leads", token).status()).isEqualTo(200);
        assertThat(http.get(stack.leadUrl() + "/api/agent/leads", Http.bearer(token))
                        .status())
                .isEqualTo(200);

        long deactivated = System.nanoTime();
        assertThat(http.send(
                                "DELETE",
                                stack.notifyUrl() + "/api/notify/agents/sec-revoked",
                                null,
                                null,
                                Http.bearer(SharedStack.ADMIN))
                        .status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> gatewayGet("/api/agent/leads", token).status() == 401
                        && http.get(stack.leadUrl() + "/api/agent/leads", Http.bearer(token))
                                        .status()
                                == 401);
        double seconds = (System.nanoTime() - deactivated) / 1e9;
        System.out.printf("revocation delay: the agent token was refused %.1f s after deactivation%n", seconds);
        assertThat(seconds).as("README: agent tokens are cached for 30 s").isLessThanOrEqualTo(32);
    }

    private String leadStatus() throws Exception {
        return JSON.readTree(http.get(stack.leadUrl() + "/api/leads/" + leadOfB, Http.bearer(SharedStack.ADMIN))
                        .body())
                .path("status")
                .asText();
    }

    private Http.Reply gatewayGet(String path, String token) {
        return http.get(stack.gatewayUrl() + path, token == null ? Map.of() : Http.bearer(token));
    }

    private static String sign(String payload, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
