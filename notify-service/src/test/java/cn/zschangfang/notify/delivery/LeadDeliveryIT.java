package cn.zschangfang.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.notify.agent.AgentTokens;
import cn.zschangfang.notify.channel.ChannelType;
import cn.zschangfang.notify.channel.Purpose;
import cn.zschangfang.notify.routing.LeadCase;
import cn.zschangfang.notify.routing.LeadCaseState;
import cn.zschangfang.notify.routing.RoutedBy;
import cn.zschangfang.notify.support.Contracts;
import cn.zschangfang.notify.support.FakeRobot;
import cn.zschangfang.notify.support.NotifyIntegrationTest;
import cn.zschangfang.platform.test.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LeadDeliveryIT extends NotifyIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    DeliveryService deliveries;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void capturedLeadReachesTheAgentsRobotAsEscapedMarkdownWithLinks() {
        String hostile = "急！[点我领奖](http://evil.example/x) <font color=\"warning\">假</font> <@all> **粗** \n# 标题";

        AgentLead lead = leadToNewAgent("沙溪镇", hostile);

        String town = lead.town();
        String leadId = lead.leadId();
        JsonNode body = json.readTree(robotGot(lead.path(), leadId).get(0).body());
        assertThat(body.get("msgtype").asString()).isEqualTo("markdown");
        String content = body.get("markdown").get("content").asString();
        assertThat(content)
                .contains(town, "租赁", "厂房", "1000–2000 ㎡", "五金加工", "50 万元", "中山某五金有限公司", "张*", "138****9793", "82")
                .contains("编号 " + leadId + "\n", "[查看询盘](https://portal.example/agent/leads/" + leadId + ")")
                .containsPattern("\\[确认接单]\\(https://portal\\.example/ack/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\)");
        // the visitor's text is present but inert: no link, no font tag, no mention, no header of theirs
        assertThat(content).contains("点我领奖");
        assertThat(content).doesNotContain("](http://evil", "<font color=\"warning\">假", "<@all>", "**粗**", "\n# 标题");
        assertThat(content.split("\\]\\(")).hasSize(3); // exactly our two links
    }

    @Test
    void redeliveredLeadCapturedSendsExactlyOneMessage() {
        String town = unique("小榄镇");
        String path = "/r/" + UUID.randomUUID();
        agent(town, path);
        String leadId = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String payload = leadJson(leadId, first, town, "想租厂房");

        KafkaProbe.send(brokers(), "lead.captured", leadId, payload, first);
        KafkaProbe.send(brokers(), "lead.captured", leadId, payload, first); // same event again (redelivery)
        KafkaProbe.send(brokers(), "lead.captured", leadId, payload, first);

        // once a lead published after the duplicates has arrived, all duplicates were consumed
        awaitEarlierLeadsConsumed();

        assertThat(robotGot(path, leadId)).hasSize(1);
        assertThat(mongo.find(Query.query(Criteria.where("leadId").is(leadId)), Delivery.class))
                .singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
    }

    @Test
    void crashBetweenRecordAndSendIsSentOnceOnRecoveryAndNotAgainOnRedelivery() {
        String town = unique("三乡镇");
        String path = "/r/" + UUID.randomUUID();
        String agentId = agent(town, path);
        String leadId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String payload = leadJson(leadId, eventId, town, "崩溃测试");
        // what a crashed instance leaves behind: the lead routed and the delivery recorded and claimed, but never sent
        var event = json.readValue(payload, cn.zschangfang.notify.intake.LeadCapturedEvent.class);
        Instant past = Instant.now().minusSeconds(60);
        mongo.insert(new LeadCase(
                leadId,
                event.toLead(),
                RoutedBy.WEIGHTED_ROUND_ROBIN,
                "test",
                agentId,
                List.of(agentId),
                LeadCaseState.OPEN,
                past,
                Instant.now().plusSeconds(3600),
                0,
                null,
                null,
                null));
        mongo.insert(new Delivery(
                Delivery.key(leadId, agentId, "WECOM", "NEW_LEAD"),
                UUID.randomUUID().toString(),
                leadId,
                agentId,
                ChannelType.WECOM,
                Purpose.NEW_LEAD,
                null,
                DeliveryStatus.IN_FLIGHT,
                1,
                past,
                past.plusSeconds(30),
                "crashed-instance",
                ROBOT.url(path),
                false,
                null,
                past,
                null,
                false,
                null,
                null));

        // recovery: the sweep re-claims the orphaned record once its lease expired
        await().atMost(Duration.ofSeconds(30))
                .until(() -> robotGot(path, leadId).size() == 1);

        // and the broker redelivers the event the crashed instance never committed
        KafkaProbe.send(brokers(), "lead.captured", leadId, payload, eventId);
        awaitEarlierLeadsConsumed();

        assertThat(robotGot(path, leadId)).hasSize(1);
        Delivery d = mongo.findById(Delivery.key(leadId, agentId, "WECOM", "NEW_LEAD"), Delivery.class);
        assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void robotFailingTwiceIsRetriedWithBackoffUntilItSucceeds() {
        AgentLead lead = leadForNewAgent(
                "东凤镇",
                "重试测试",
                new FakeRobot.Reply(503, "busy"),
                new FakeRobot.Reply(200, "{\"errcode\":-1,\"errmsg\":\"system busy\"}"));
        String path = lead.path();
        String agentId = lead.agentId();
        String leadId = lead.leadId();

        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Delivery d = mongo.findById(Delivery.key(leadId, agentId, "WECOM", "NEW_LEAD"), Delivery.class);
            return d != null && DeliveryStatus.SENT.equals(d.status());
        });
        assertThat(robotGot(path, leadId)).hasSize(3);
        Delivery d = mongo.findById(Delivery.key(leadId, agentId, "WECOM", "NEW_LEAD"), Delivery.class);
        assertThat(d.attempt()).isEqualTo(3);

        var statuses = published("notify.delivery", leadId, 3, Duration.ofSeconds(10)).stream()
                .map(r -> json.readTree(r.value()).get("status").asString())
                .toList();
        assertThat(statuses).containsExactly("RETRYING", "RETRYING", "SENT");
    }

    @Test
    void rateLimitedRobotIsLeftAloneForAboutAMinute() {
        Instant before = Instant.now();
        AgentLead lead = leadForNewAgent(
                "南头镇", "限流测试", new FakeRobot.Reply(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"));
        String path = lead.path();
        String agentId = lead.agentId();
        String leadId = lead.leadId();

        String key = Delivery.key(leadId, agentId, "WECOM", "NEW_LEAD");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Delivery d = mongo.findById(key, Delivery.class);
            return d != null && DeliveryStatus.PENDING.equals(d.status()) && "45009".equals(d.lastCode());
        });
        Delivery d = mongo.findById(key, Delivery.class);
        assertThat(d.nextAttemptAt())
                .isAfter(before.plusSeconds(55))
                .isBefore(Instant.now().plusSeconds(70));
        // several sweeps later the robot still has heard from us only once
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> robotGot(path, leadId).size() == 1);

        // once the minute has passed (moved forward here), the same delivery goes out
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(key)),
                new Update().set("nextAttemptAt", Instant.now()),
                Delivery.class);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> robotGot(path, leadId).size() == 2);
        // The send pool records the outcome after the robot has answered: wait for it, do not race it.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(mongo.findById(key, Delivery.class).status()).isEqualTo(DeliveryStatus.SENT));
    }

    @Test
    void invalidWebhookFallsBackToTheDutyManager() {
        AgentLead lead = leadForNewAgent(
                "横栏镇", "永久失败", new FakeRobot.Reply(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"));
        String path = lead.path();
        String agentId = lead.agentId();
        String leadId = lead.leadId();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> robotGot("/duty", leadId).size() == 1);
        assertThat(robotGot(path, leadId)).hasSize(1); // permanent: not retried
        assertThat(mongo.findById(Delivery.key(leadId, agentId, "WECOM", "NEW_LEAD"), Delivery.class)
                        .status())
                .isEqualTo(DeliveryStatus.FAILED);
        assertThat(robotGot("/duty", leadId).get(0).body()).contains("所有通知渠道均失败");
    }

    @Test
    void publishedRoutedAndDeliveryEventsMatchTheirContracts() {
        AgentLead lead = leadForNewAgent("黄圃镇", "契约测试");
        String agentId = lead.agentId();
        String leadId = lead.leadId();

        var routed = published("lead.routed", leadId, 1, Duration.ofSeconds(15));
        var delivered = published("notify.delivery", leadId, 1, Duration.ofSeconds(15));
        assertThat(routed).hasSize(1);
        assertThat(delivered).hasSize(1);
        for (var r : List.of(routed.get(0), delivered.get(0))) {
            assertThat(Contracts.violations(r.topic(), r.value())).isEmpty();
            assertThat(KafkaProbe.header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(KafkaProbe.header(r, "ce_source")).isEqualTo("urn:zschangfang:notify-service");
            assertThat(KafkaProbe.header(r, "ce_type")).isEqualTo("cn.zschangfang." + r.topic() + ".v1");
            assertThat(KafkaProbe.header(r, "ce_id"))
                    .isEqualTo(json.readTree(r.value()).get("eventId").asString());
            assertThat(KafkaProbe.header(r, "ce_time")).isNotBlank();
        }
        JsonNode routedBody = json.readTree(routed.get(0).value());
        assertThat(routedBody.get("agentId").asString()).isEqualTo(agentId);
        assertThat(routedBody.get("strategy").asString()).isEqualTo("WEIGHTED_ROUND_ROBIN");
        JsonNode deliveryBody = json.readTree(delivered.get(0).value());
        assertThat(deliveryBody.get("status").asString()).isEqualTo("SENT");
        assertThat(deliveryBody.get("channel").asString()).isEqualTo("WECOM");
        assertThat(deliveryBody.get("purpose").asString()).isEqualTo("NEW_LEAD");
    }

    @Test
    void contractRejectsWhatItShouldReject() {
        assertThat(Contracts.violations("notify.delivery", "{\"eventId\":\"x\",\"status\":\"MAYBE\"}"))
                .isNotEmpty();
    }

    @Test
    void backlogBeyondTheRobotLimitIsFoldedIntoOneDigestInsteadOfDropped() {
        String town = unique("阜沙镇");
        String path = "/r/" + UUID.randomUUID();
        String agentId = agent(town, path);
        List<String> leads = new java.util.ArrayList<>();
        // the limiter counts per clock minute: start early in one so the burst does not straddle two
        await().atMost(Duration.ofSeconds(40)).until(() -> Instant.now().getEpochSecond() % 60 < 30);
        for (int i = 0; i < 20; i++) {
            String leadId = UUID.randomUUID().toString();
            leads.add(leadId);
            publishLead(leadId, town, "批量" + i);
        }
        // 18 go out at once (the per-robot limit per minute), the other two wait for the limiter
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ROBOT.received(path).size() == 18
                        && mongo.count(
                                        Query.query(Criteria.where("agentId")
                                                .is(agentId)
                                                .and("deferred")
                                                .is(true)
                                                .and("status")
                                                .is(DeliveryStatus.PENDING.name())),
                                        Delivery.class)
                                == 2);

        // the next minute begins (its counter is fresh): the waiting leads go out together as one digest
        mongo.remove(new Query(), "robot_windows");
        mongo.updateMulti(
                Query.query(
                        Criteria.where("agentId").is(agentId).and("deferred").is(true)),
                new Update().set("nextAttemptAt", Instant.now()),
                Delivery.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> ROBOT.received(path).size() == 19);
        await().during(Duration.ofMillis(600))
                .atMost(Duration.ofSeconds(10))
                .until(() -> ROBOT.received(path).size() == 19);
        String digest = ROBOT.received(path).get(18).body();
        assertThat(digest).contains("2 条新询盘");
        long inDigest = leads.stream().filter(digest::contains).count();
        assertThat(inDigest).isEqualTo(2);
        assertThat(mongo.find(Query.query(Criteria.where("agentId").is(agentId)), Delivery.class))
                .hasSize(20)
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
        // every lead reached the robot exactly once
        for (String leadId : leads) {
            assertThat(robotGot(path, leadId)).hasSize(1);
        }
    }

    @Test
    void permanentWecomFailureFallsThroughToTheAgentsNextChannel() {
        String dingPath = "/ding/" + UUID.randomUUID();
        AgentLead lead = leadForNewAgent(
                "大涌镇",
                "换渠道",
                s -> s.dingtalk(ROBOT.url(dingPath), "SECtest"),
                new FakeRobot.Reply(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"));
        String agentId = lead.agentId();
        String leadId = lead.leadId();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> robotGot(dingPath, leadId).size() == 1);
        assertThat(ROBOT.received(dingPath).get(0).query()).contains("timestamp=", "sign=");
        // the robot answered before the SENT record is written: wait for the write
        await().atMost(Duration.ofSeconds(5))
                .until(() -> DeliveryStatus.SENT.equals(
                        mongo.findById(Delivery.key(leadId, agentId, "DINGTALK", "NEW_LEAD"), Delivery.class)
                                .status()));
        assertThat(robotGot("/duty", leadId)).isEmpty();
    }

    @Test
    void agentWithOnlyAMobileGetsOneTextMessageThatMentionsTheMobile() {
        AgentLead lead = leadForNewAgent("南朗街道", "提醒测试", s -> s.mobile("13712345678"));
        String town = lead.town();
        String path = lead.path();
        String leadId = lead.leadId();

        await().atMost(Duration.ofSeconds(30)).until(() -> ROBOT.received(path).size() == 1);
        // one robot message per lead: the mention rides in the message itself, no second ping
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(10))
                .until(() -> ROBOT.received(path).size() == 1);
        JsonNode text = json.readTree(ROBOT.received(path).get(0).body());
        assertThat(text.get("msgtype").asString()).isEqualTo("text");
        assertThat(text.get("text").get("mentioned_mobile_list").get(0).asString())
                .isEqualTo("13712345678");
        assertThat(text.get("text").get("content").asString()).contains(town, "编号 " + leadId);
    }

    @Test
    void hundredLeadBurstToOneAgentShowsEveryLeadExactlyOnceInWhatTheRobotReceived() {
        String town = unique("阜沙镇");
        String path = "/r/" + UUID.randomUUID();
        String agentId = agent(town, path);
        // the robot's budget is spent for the next minutes, so the whole burst waits for the limiter (no clock race)
        long minute = Instant.now().getEpochSecond() / 60;
        for (long m = minute - 1; m <= minute + 5; m++) {
            mongo.insert(
                    new org.bson.Document("_id", AgentTokens.sha256(ROBOT.url(path)) + ":" + m)
                            .append("count", 10_000)
                            .append("minute", m),
                    "robot_windows");
        }
        List<String> leads = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String leadId = UUID.randomUUID().toString();
            leads.add(leadId);
            publishLead(leadId, town, "活动" + i);
        }
        Query waiting = Query.query(Criteria.where("agentId")
                .is(agentId)
                .and("deferred")
                .is(true)
                .and("status")
                .is(DeliveryStatus.PENDING.name()));
        await().atMost(Duration.ofSeconds(90)).until(() -> mongo.count(waiting, Delivery.class) == 100);
        assertThat(ROBOT.received(path)).isEmpty();

        // the next window opens: the waiting leads go out as digests that each carry what fits
        mongo.remove(new Query(), "robot_windows");
        mongo.updateMulti(waiting, new Update().set("nextAttemptAt", Instant.now()), Delivery.class);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> mongo.find(Query.query(Criteria.where("agentId").is(agentId)), Delivery.class).stream()
                                .filter(d -> d.status() == DeliveryStatus.SENT)
                                .count()
                        == 100);

        List<String> bodies = ROBOT.received(path).stream()
                .map(r -> json.readTree(r.body()).get("markdown").get("content").asString())
                .toList();
        assertThat(bodies.size()).isBetween(3, 6); // about 41 typical leads per digest
        for (String leadId : leads) {
            long times = bodies.stream()
                    .mapToLong(b -> b.split(java.util.regex.Pattern.quote("编号 " + leadId), -1).length - 1)
                    .sum();
            assertThat(times).as(leadId).isEqualTo(1);
        }
        for (String body : bodies) {
            assertThat(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(4096);
            long carried = body.split("编号 ", -1).length - 1;
            assertThat(body).contains(carried + " 条新询盘");
        }
        // finished: these leads must not escalate into the duty manager's robot while later tests run
        mongo.updateMulti(
                Query.query(Criteria.where("_id").in(leads)),
                new Update().set("state", LeadCaseState.CLOSED.name()),
                LeadCase.class);
    }
}
