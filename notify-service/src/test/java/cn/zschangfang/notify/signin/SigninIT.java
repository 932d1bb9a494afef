package cn.zschangfang.notify.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.notify.agent.AgentRole;
import cn.zschangfang.notify.support.AgentSpecBuilder;
import cn.zschangfang.notify.support.LeadBuilder;
import cn.zschangfang.notify.support.NotifyIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SigninIT extends NotifyIntegrationTest {

    private static final Pattern LINK =
            Pattern.compile("https://portal\\.example/agent/signin\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    MongoTemplate mongo;

    @Autowired
    cn.zschangfang.notify.escalation.Escalations escalations;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private static String randomMobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** An active agent with a mobile whose WeChat Work robot is {@code ROBOT.url(path)}. */
    private String agentWithMobile(String mobile, String path, String role) {
        return registry.create(AgentSpecBuilder.agent(null)
                        .name("周经纪")
                        .role(AgentRole.valueOf(role))
                        .mobile(mobile)
                        .wecom(ROBOT.url(path))
                        .towns(List.of(unique("无此镇")))
                        .build())
                .agent()
                .id();
    }

    private HttpResponse<String> requestLink(String typedMobile) throws Exception {
        return call("POST", "/internal/signin/requests", ADMIN, "{\"mobile\":\"" + typedMobile + "\"}");
    }

    private HttpResponse<String> redeem(String token) throws Exception {
        return call("POST", "/internal/signin/redemptions", ADMIN, "{\"token\":\"" + token + "\"}");
    }

    private String linkToken(String path) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !ROBOT.received(path).isEmpty());
        Matcher m = LINK.matcher(ROBOT.received(path).get(0).body());
        assertThat(m.find()).as("robot message carries the sign-in link").isTrue();
        return m.group(1);
    }

    @Test
    void linkGoesToTheAgentsOwnRobotAndRedeemsForATokenTheLeadApiAccepts() throws Exception {
        String mobile = randomMobile();
        String path = "/signin/" + UUID.randomUUID();
        String agentId = agentWithMobile(mobile, path, "MANAGER");

        // typed the way a phone keyboard produces it
        String typed = "+86 " + mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7);
        HttpResponse<String> asked = requestLink(typed);
        assertThat(asked.statusCode()).isEqualTo(202);

        String token = linkToken(path);
        String body = ROBOT.received(path).get(0).body();
        assertThat(body)
                .contains("\"msgtype\":\"markdown\"", "登录询盘工作台", "10 分钟内有效")
                .doesNotContain(mobile);

        HttpResponse<String> redeemed = redeem(token);
        assertThat(redeemed.statusCode()).isEqualTo(200);
        JsonNode r = json.readTree(redeemed.body());
        assertThat(r.get("agentId").asString()).isEqualTo(agentId);
        assertThat(r.get("role").asString()).isEqualTo("MANAGER");
        assertThat(r.get("name").asString()).isEqualTo("周经纪");
        String apiToken = r.get("apiToken").asString();
        assertThat(apiToken).startsWith("ags_");

        // what lead-service and the gateway ask notify for every bearer
        HttpResponse<String> whoAmI = call("GET", "/internal/auth/agent", "Bearer " + apiToken, null);
        assertThat(whoAmI.statusCode()).isEqualTo(200);
        assertThat(json.readTree(whoAmI.body()).get("agentId").asString()).isEqualTo(agentId);
        assertThat(json.readTree(whoAmI.body()).get("role").asString()).isEqualTo("MANAGER");

        // sign-out revokes it
        assertThat(call("DELETE", "/internal/signin/session", "Bearer " + apiToken, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(call("GET", "/internal/auth/agent", "Bearer " + apiToken, null)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aLinkWorksOnceOnly() throws Exception {
        String token = newAgentsLink();

        assertThat(redeem(token).statusCode()).isEqualTo(200);
        HttpResponse<String> again = redeem(token);
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.body()).contains("https://zschangfang.cn/problems/unauthorized");
    }

    @Test
    void aLinkExpiresAfterTenMinutes() throws Exception {
        String token = newAgentsLink();

        SigninToken stored = mongo.findById(cn.zschangfang.notify.agent.AgentTokens.sha256(token), SigninToken.class);
        assertThat(Duration.between(stored.createdAt(), stored.expiresAt())).isEqualTo(Duration.ofMinutes(10));
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(stored.hash())),
                new Update().set("expiresAt", Instant.now().minusSeconds(1)),
                SigninToken.class);

        assertThat(redeem(token).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownMobileGetsTheSameAnswerAndTheSameLimitAndNoMessageGoesOut() throws Exception {
        String known = randomMobile();
        String path = "/signin/" + UUID.randomUUID();
        agentWithMobile(known, path, "AGENT");
        String unknown = randomMobile();
        Query links = Query.query(Criteria.where("kind").is(SigninToken.LINK));
        long linksBefore = mongo.count(links, SigninToken.class);

        HttpResponse<String> forKnown = requestLink(known);
        HttpResponse<String> forUnknown = requestLink(unknown);
        assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode()).isEqualTo(202);
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        assertThat(forUnknown.headers().map().keySet())
                .isEqualTo(forKnown.headers().map().keySet());

        // both numbers are limited alike: three requests per window, then 429
        for (int i = 0; i < 2; i++) {
            assertThat(requestLink(known).statusCode()).isEqualTo(202);
            assertThat(requestLink(unknown).statusCode()).isEqualTo(202);
        }
        HttpResponse<String> limitedKnown = requestLink(known);
        HttpResponse<String> limitedUnknown = requestLink(unknown);
        assertThat(limitedKnown.statusCode())
                .isEqualTo(limitedUnknown.statusCode())
                .isEqualTo(429);
        assertThat(limitedUnknown.body()).isEqualTo(limitedKnown.body());

        await().atMost(Duration.ofSeconds(10)).until(() -> ROBOT.received(path).size() == 3);
        assertThat(mongo.count(links, SigninToken.class) - linksBefore)
                .as("links were made for the agent's three accepted requests only")
                .isEqualTo(3);
    }

    @Test
    void aMalformedMobileIsAFieldErrorAndTheApiNeedsTheAdminToken() throws Exception {
        HttpResponse<String> bad = requestLink("12345");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"mobile\"");
        assertThat(call("POST", "/internal/signin/requests", "Bearer nope", "{\"mobile\":\"13800138000\"}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(call("POST", "/internal/signin/redemptions", null, "{\"token\":\"sgn_x\"}")
                        .statusCode())
                .isEqualTo(401);
    }

    /** Signs an agent in as the site does and returns the session token. */
    private String session(String mobile, String path) throws Exception {
        return json.readTree(redeem(link(mobile, path)).body()).get("apiToken").asString();
    }

    /** Requests a sign-in link for {@code mobile}; its token, as the robot at {@code path} received it. */
    private String link(String mobile, String path) throws Exception {
        assertThat(requestLink(mobile).statusCode()).isEqualTo(202);
        return linkToken(path);
    }

    /** The sign-in link token of a new agent that just asked for one. */
    private String newAgentsLink() throws Exception {
        String mobile = randomMobile();
        String path = "/signin/" + UUID.randomUUID();
        agentWithMobile(mobile, path, "AGENT");
        return link(mobile, path);
    }

    private void sharedPoolLead(String leadId, List<String> notified) {
        var lead = LeadBuilder.lead(leadId)
                .wants("BUY", "LAND", "黄圃镇")
                .areaMu(new cn.zschangfang.notify.lead.Lead.Range(20.0, 30.0))
                .business("食品加工", 300.0, "中山某食品有限公司")
                .contact("陈*", "139****0001")
                .message("留言")
                .score(88)
                .build();
        mongo.insert(new cn.zschangfang.notify.routing.LeadCase(
                leadId,
                lead,
                cn.zschangfang.notify.routing.RoutedBy.SHARED_POOL,
                "broadcast",
                null,
                notified,
                cn.zschangfang.notify.routing.LeadCaseState.OPEN,
                Instant.now(),
                Instant.now().plusSeconds(300),
                0,
                null,
                null,
                null));
    }

    @Test
    void anAgentSeesTheUnclaimedSharedPoolLeadsSentToThemAndTheFirstClaimWins() throws Exception {
        String mobileA = randomMobile();
        String pathA = "/signin/" + UUID.randomUUID();
        String agentA = agentWithMobile(mobileA, pathA, "AGENT");
        String mobileB = randomMobile();
        String pathB = "/signin/" + UUID.randomUUID();
        String agentB = agentWithMobile(mobileB, pathB, "AGENT");
        String leadId = UUID.randomUUID().toString();
        String notForA = UUID.randomUUID().toString();
        sharedPoolLead(leadId, List.of(agentA, agentB));
        sharedPoolLead(notForA, List.of(agentB));
        String tokenA = "Bearer " + session(mobileA, pathA);
        String tokenB = "Bearer " + session(mobileB, pathB);

        JsonNode pool =
                json.readTree(call("GET", "/internal/signin/pool", tokenA, null).body());
        assertThat(pool).hasSize(1);
        assertThat(pool.get(0).get("leadId").asString()).isEqualTo(leadId);
        assertThat(pool.get(0).get("town").asString()).isEqualTo("黄圃镇");
        assertThat(pool.get(0).get("phoneMasked").asString()).isEqualTo("139****0001");

        assertThat(call("POST", "/internal/signin/pool/" + leadId + "/claim", tokenA, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("POST", "/internal/signin/pool/" + leadId + "/claim", tokenB, null)
                        .statusCode())
                .isEqualTo(409);
        var claimed = mongo.findById(leadId, cn.zschangfang.notify.routing.LeadCase.class);
        assertThat(claimed.assignedAgentId()).isEqualTo(agentA);
        assertThat(json.readTree(
                        call("GET", "/internal/signin/pool", tokenA, null).body()))
                .isEmpty();
        assertThat(json.readTree(
                        call("GET", "/internal/signin/pool", tokenB, null).body()))
                .hasSize(1);
        assertThat(call("GET", "/internal/signin/pool", "Bearer ags_forged", null)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aBrowserOpeningTheAcknowledgementLinkIsSignedInToThatLead() throws Exception {
        AgentLead lead = leadToNewAgent("三角镇", "登录测试");
        String agentId = lead.agentId();
        String leadId = lead.leadId();
        String ack = ackPath(lead);
        // lead-service echoes the delivery as status NOTIFIED before the agent taps: nobody has reacted yet
        escalations.onStatusChanged(leadId, "NOTIFIED");

        HttpResponse<String> browser = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ack))
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(browser.statusCode()).isEqualTo(303);
        String location = browser.headers().firstValue("Location").orElseThrow();
        Matcher link = LINK.matcher(location);
        assertThat(link.matches()).as(location).isTrue();

        JsonNode r = json.readTree(redeem(link.group(1)).body());
        assertThat(r.get("agentId").asString()).isEqualTo(agentId);
        assertThat(r.get("leadId").asString()).isEqualTo(leadId);

        // an API client (no text/html) keeps getting the page, and the click stays idempotent
        HttpResponse<String> api = get(ack);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("已确认过");
    }
}
