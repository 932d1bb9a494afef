package cn.zschangfang.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.notify.agent.AgentTokens;
import cn.zschangfang.notify.routing.LeadCase;
import cn.zschangfang.notify.routing.LeadCaseState;
import cn.zschangfang.notify.support.NotifyIntegrationTest;
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
import tools.jackson.databind.json.JsonMapper;

/** More leads for one robot than its per-minute limit: folded into digests, each lead in exactly one of them. */
class DeliveryBurstIT extends NotifyIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    private final JsonMapper json = JsonMapper.builder().build();

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
