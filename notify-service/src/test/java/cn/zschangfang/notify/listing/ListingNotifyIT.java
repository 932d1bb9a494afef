package cn.zschangfang.notify.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.notify.delivery.Delivery;
import cn.zschangfang.notify.delivery.DeliveryStatus;
import cn.zschangfang.notify.support.Contracts;
import cn.zschangfang.notify.support.FakeRobot;
import cn.zschangfang.notify.support.NotifyIntegrationTest;
import cn.zschangfang.platform.test.KafkaProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listings on the real broker and the MongoDB-wire server: a lead from a listing reaches the listing's agent first
 * with its top matches, a redelivered {@code lead.listing-matched} yields one digest, and the admin's test message
 * reaches each configured channel.
 */
class ListingNotifyIT extends NotifyIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    private final JsonMapper json = JsonMapper.builder().build();

    private String content(FakeRobot.Request request) {
        JsonNode body = json.readTree(request.body());
        return body.get(body.get("msgtype").asString()).get("content").asString();
    }

    private static String leadFromListing(String leadId, String eventId, String town, String ownerId) {
        return """
                {"eventId":"%s","occurredAt":"%s","leadId":"%s","receivedAt":"%s","intent":"LEASE",
                 "propertyType":"FACTORY","town":"%s","areaSqm":{"min":1000,"max":2000},
                 "use":"五金加工","company":"中山某五金有限公司","contactNameMasked":"张*","phoneMasked":"138****9793",
                 "message":"想看这个厂房","channel":"web","score":82,"scoreReasons":[],
                 "requirements":{"minClearHeightM":8,"minPowerKva":500,"floor":"GROUND_ONLY","fireClass":"C",
                   "budget":{"amount":25,"unit":"YUAN_PER_SQM_MONTH"},"moveInDate":"2026-05-01","newPart":1},
                 "sourceListing":{"listingId":"lst-src","slug":"torch-src","title":"火炬开发区单层厂房","agentId":"%s"},
                 "matches":[
                   {"listingId":"lst-1","slug":"match-one","title":"第一名厂房","score":95,"reasons":["面积吻合","层高满足","同镇街"]},
                   {"listingId":"lst-2","slug":"match-two","title":"第二名厂房","score":90,"reasons":["租金在预算内"]},
                   {"listingId":"lst-3","slug":"match-three","title":"第三名厂房","score":80,"reasons":[]},
                   {"listingId":"lst-4","slug":"match-four","title":"第四名厂房","score":70,"reasons":["面积吻合"]}]}
                """.formatted(eventId, Instant.now(), leadId, Instant.now(), town, ownerId);
    }

    @Test
    void leadFromAListingReachesTheListingsAgentFirstWithItsTopThreeMatchesAndLeadPageLink() {
        String town = unique("火炬开发区");
        String townPath = "/r/" + UUID.randomUUID();
        String ownerPath = "/r/" + UUID.randomUUID();
        agent(town, townPath);
        String owner = agent(unique("别的镇"), ownerPath); // covers another town: the listing decides
        String leadId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();

        KafkaProbe.send(brokers(), "lead.captured", leadId, leadFromListing(leadId, eventId, town, owner), eventId);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> robotGot(ownerPath, leadId).size() == 1);
        String md = content(robotGot(ownerPath, leadId).get(0));
        assertThat(md)
                .contains("编号 " + leadId + "\n")
                .contains("来源房源：[火炬开发区单层厂房](https://portal.example/listings/torch-src)")
                .contains("1. [第一名厂房](https://portal.example/listings/match-one)（面积吻合、层高满足）")
                .contains("2. [第二名厂房](https://portal.example/listings/match-two)（租金在预算内）")
                .contains("3. [第三名厂房](https://portal.example/listings/match-three)")
                .contains("层高≥8 米", "配电≥500 kVA", "只限一楼", "消防丙类", "预算 25 元/㎡/月", "2026-05-01 入驻")
                .contains("[查看询盘](https://portal.example/agent/leads/" + leadId + ")")
                .doesNotContain("第四名", "同镇街", "/api/leads/");
        assertThat(md.split("编号 ", -1)).hasSize(2);
        assertThat(robotGot(townPath, leadId)).isEmpty();

        var routed = published("lead.routed", leadId, 1, Duration.ofSeconds(15));
        assertThat(routed).hasSize(1);
        assertThat(Contracts.violations("lead.routed", routed.get(0).value())).isEmpty();
        JsonNode event = json.readTree(routed.get(0).value());
        assertThat(event.get("strategy").asString()).isEqualTo("SOURCE_LISTING");
        assertThat(event.get("agentId").asString()).isEqualTo(owner);
        assertThat(event.get("reason").asString()).isEqualTo("房源负责人");
    }

    @Test
    void leadFromAListingWhoseAgentIsInactiveGoesToTheTownWithTheReason() {
        String town = unique("南朗街道");
        String townPath = "/r/" + UUID.randomUUID();
        String townAgent = agent(town, townPath);
        String owner = agent(unique("别的镇"), "/r/" + UUID.randomUUID());
        registry.deactivate(owner);
        String leadId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();

        KafkaProbe.send(brokers(), "lead.captured", leadId, leadFromListing(leadId, eventId, town, owner), eventId);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> robotGot(townPath, leadId).size() == 1);
        var routed = published("lead.routed", leadId, 1, Duration.ofSeconds(15));
        JsonNode event = json.readTree(routed.get(0).value());
        assertThat(event.get("agentId").asString()).isEqualTo(townAgent);
        assertThat(event.get("reason").asString()).startsWith("房源负责人已停用，按镇街分配");
    }

    private static String listingMatched(String eventId, String agentId, List<String> leadIds) {
        return """
                {"eventId":"%s","occurredAt":"%s","listingId":"lst-new","slug":"sanjiao-new","title":"三角镇新上架仓库",
                 "agentId":"%s","leadIds":%s,"futureField":true}
                """.formatted(
                eventId, Instant.now(), agentId, JsonMapper.builder().build().writeValueAsString(leadIds));
    }

    @Test
    void listingMatchedDeliveredTwiceSendsTheAgentOneDigestNamingEachLeadOnce() {
        String path = "/r/" + UUID.randomUUID();
        String agentId = agent(unique("三角镇"), path);
        List<String> leads =
                List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        String eventId = UUID.randomUUID().toString();
        String payload = listingMatched(eventId, agentId, leads);

        KafkaProbe.send(brokers(), "lead.listing-matched", agentId, payload, eventId);
        KafkaProbe.send(brokers(), "lead.listing-matched", agentId, payload, eventId); // redelivery

        // a marker event after both: once its digest arrived, both copies were consumed (one partition)
        String markerPath = "/r/" + UUID.randomUUID();
        String marker = agent(unique("民众街道"), markerPath);
        String markerEvent = UUID.randomUUID().toString();
        String markerLead = UUID.randomUUID().toString();
        KafkaProbe.send(
                brokers(),
                "lead.listing-matched",
                marker,
                listingMatched(markerEvent, marker, List.of(markerLead)),
                markerEvent);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> robotGot(markerPath, markerLead).size() == 1);

        List<FakeRobot.Request> got = ROBOT.received(path);
        assertThat(got).hasSize(1);
        String md = content(got.get(0));
        assertThat(md)
                .contains("新房源匹配您的 2 位客户", "[三角镇新上架仓库](https://portal.example/listings/sanjiao-new)")
                .contains("[打开收件箱](https://portal.example/agent)");
        assertThat(md.split("编号 " + leads.get(0), -1)).hasSize(2);
        assertThat(md.split("编号 " + leads.get(1), -1)).hasSize(2);
        assertThat(mongo.find(Query.query(Criteria.where("matchId").is(eventId)), Delivery.class))
                .singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));

        // lead-service hears of it per lead, purpose LISTING_MATCH, within the published contract (the outbox may
        // publish an event twice under load: consumers drop the repeat by its eventId)
        var delivered =
                KafkaProbe.read(brokers(), "notify.delivery", r -> leads.contains(r.key()), 2, Duration.ofSeconds(15));
        java.util.Map<String, JsonNode> byEventId = new java.util.LinkedHashMap<>();
        for (var record : delivered) {
            assertThat(Contracts.violations("notify.delivery", record.value())).isEmpty();
            JsonNode e = json.readTree(record.value());
            byEventId.put(e.get("eventId").asString(), e);
        }
        assertThat(byEventId.values())
                .extracting(e -> e.get("leadId").asString())
                .containsExactlyInAnyOrderElementsOf(leads);
        assertThat(byEventId.values()).allSatisfy(e -> {
            assertThat(e.get("purpose").asString()).isEqualTo("LISTING_MATCH");
            assertThat(e.get("status").asString()).isEqualTo("SENT");
        });
    }

    @Test
    void testMessageReachesEachConfiguredChannelAndAnswersPerChannelInChinese() throws Exception {
        String wecomPath = "/r/" + UUID.randomUUID();
        String dingPath = "/r/" + UUID.randomUUID();
        ROBOT.script(
                dingPath, new FakeRobot.Reply(200, "{\"errcode\":310000,\"errmsg\":\"sign not match, secret=abc\"}"));
        String agentId = agent(
                unique("三乡镇"),
                wecomPath,
                s -> s.dingtalk(ROBOT.url(dingPath), null).mobile("13912345678").sms(true));

        HttpResponse<String> reply = call("POST", "/api/notify/agents/" + agentId + "/test-message", ADMIN, null);

        assertThat(reply.statusCode()).isEqualTo(200);
        JsonNode results = json.readTree(reply.body()).get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("channel").asString()).isEqualTo("WECOM");
        assertThat(results.get(0).get("status").asString()).isEqualTo("SENT");
        assertThat(results.get(1).get("channel").asString()).isEqualTo("DINGTALK");
        assertThat(results.get(1).get("status").asString()).isEqualTo("FAILED");
        assertThat(results.get(1).get("detail").asString()).isEqualTo("签名或关键词校验失败，请检查机器人的安全设置");
        assertThat(results.get(2).get("channel").asString()).isEqualTo("SMS");
        assertThat(results.get(2).get("status").asString()).isEqualTo("UNAVAILABLE");
        assertThat(reply.body()).doesNotContain("secret", "sign not match", "13912345678", "127.0.0.1");
        assertThat(ROBOT.received(wecomPath))
                .singleElement()
                .satisfies(r -> assertThat(content(r)).contains("测试消息"));
        assertThat(ROBOT.received(dingPath)).hasSize(1);

        String entries = call("GET", "/api/notify/agents/" + agentId + "/audit", ADMIN, null)
                .body();
        assertThat(entries).contains("TEST_MESSAGE", "\"WECOM\"", "\"SENT\"", "310000", "UNAVAILABLE");
        assertThat(entries).doesNotContain("13912345678", ROBOT.url(""), "测试经纪人");

        assertThat(call("POST", "/api/notify/agents/" + agentId + "/test-message", null, null)
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> unknown =
                call("POST", "/api/notify/agents/nobody-" + UUID.randomUUID() + "/test-message", ADMIN, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
}
