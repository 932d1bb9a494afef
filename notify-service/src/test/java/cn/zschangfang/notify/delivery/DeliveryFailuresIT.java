package cn.zschangfang.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.notify.support.FakeRobot;
import cn.zschangfang.notify.support.NotifyIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

/** When a robot refuses: retried with back-off, left alone when rate-limited, the next channel or the duty manager when it fails for good. */
class DeliveryFailuresIT extends NotifyIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    private final JsonMapper json = JsonMapper.builder().build();

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
}
