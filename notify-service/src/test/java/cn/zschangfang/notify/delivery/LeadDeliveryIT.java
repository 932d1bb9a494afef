package cn.zschangfang.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.notify.channel.ChannelType;
import cn.zschangfang.notify.channel.Purpose;
import cn.zschangfang.notify.routing.LeadCase;
import cn.zschangfang.notify.routing.LeadCaseState;
import cn.zschangfang.notify.routing.RoutedBy;
import cn.zschangfang.notify.support.Contracts;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LeadDeliveryIT extends NotifyIntegrationTest {

    @Autowired
    MongoTemplate mongo;

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
}
