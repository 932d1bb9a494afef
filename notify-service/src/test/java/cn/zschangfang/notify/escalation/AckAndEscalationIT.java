package cn.zschangfang.notify.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.notify.routing.LeadCase;
import cn.zschangfang.notify.routing.LeadCaseState;
import cn.zschangfang.notify.routing.RoutedBy;
import cn.zschangfang.notify.support.LeadBuilder;
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
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

class AckAndEscalationIT extends NotifyIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Escalations escalations;

    @Autowired
    JobLease lease;

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * Only this lead is due: the shared context holds other classes' open leads (a 100-lead burst among them) whose
     * real deadlines may have passed on a slow machine, and escalating them all would flood the duty robot's limit.
     */
    private void pastDeadline(String leadId) {
        mongo.updateMulti(
                Query.query(Criteria.where("_id").ne(leadId).and("ackDeadline").lte(Instant.now())),
                new Update().set("ackDeadline", Instant.now().plusSeconds(3600)),
                LeadCase.class);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(leadId)),
                new Update().set("ackDeadline", Instant.now().minusSeconds(1)),
                LeadCase.class);
    }

    @Test
    void theSweepsAndRoutingQueriesHaveTheirIndexes() {
        // Without them MongoDB scans every case and delivery ever stored, every check interval and for every lead.
        assertThat(indexKeys("lead_cases"))
                .contains(
                        List.of("state", "ackDeadline"), // LeadCases.overdue
                        List.of("state", "assignedAgentId")); // LeadCases.openLeads
        assertThat(indexKeys("deliveries"))
                .contains(
                        List.of("status", "nextAttemptAt"), // DeliveryStore.due
                        List.of("limitTarget", "status", "createdAt")); // DeliveryStore.claimBacklog
    }

    private List<List<String>> indexKeys(String collection) {
        return mongo.indexOps(collection).getIndexInfo().stream()
                .map(i -> i.getIndexFields().stream().map(f -> f.getKey()).toList())
                .toList();
    }

    @Test
    void unacknowledgedLeadEscalatesToTheBackupAndTellsTheDutyManager() {
        String town = unique("港口镇");
        String backupPath = "/r/" + UUID.randomUUID();
        String backupId = agent(town + "-backup-only", backupPath); // not eligible by town: reached only as backup
        String path = "/r/" + UUID.randomUUID();
        String agentId = agent(town, path, s -> s.backup(backupId));
        String leadId = deliveredLead(town, path, "升级测试");

        pastDeadline(leadId);
        assertThat(escalations.escalateDue()).isGreaterThanOrEqualTo(1);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> robotGot(backupPath, leadId).size() == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> robotGot("/duty", leadId).size() == 1);
        assertThat(robotGot(backupPath, leadId).get(0).body()).contains("【升级】", "未在时限内确认");
        LeadCase lc = mongo.findById(leadId, LeadCase.class);
        assertThat(lc.assignedAgentId()).isEqualTo(backupId);
        assertThat(lc.escalationLevel()).isEqualTo(1);

        var routed = published("lead.routed", leadId, "\"escalation\":true", 1, Duration.ofSeconds(10));
        assertThat(routed).hasSize(1);
        assertThat(json.readTree(routed.get(0).value()).get("previousAgentId").asString())
                .isEqualTo(agentId);

        // running the job again before the new deadline changes nothing
        assertThat(escalations.escalateDue()).isZero();
        assertThat(robotGot(backupPath, leadId)).hasSize(1);
    }

    @Test
    void acknowledgementLinkIsIdempotentPublishesAcknowledgedAndStopsEscalation() throws Exception {
        AgentLead lead = leadToNewAgent("民众街道", "确认测试");
        String leadId = lead.leadId();
        String ack = ackPath(lead);

        HttpResponse<String> first = get(ack);
        HttpResponse<String> second = get(ack);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("已确认接单");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("已确认过");
        assertThat(mongo.findById(leadId, LeadCase.class).state()).isEqualTo(LeadCaseState.ACKNOWLEDGED);

        var acks = published("notify.delivery", leadId, "ACKNOWLEDGED", 1, Duration.ofSeconds(10));
        assertThat(acks).hasSize(1);

        pastDeadline(leadId);
        escalations.escalateDue();
        assertThat(mongo.findById(leadId, LeadCase.class).escalationLevel()).isZero();
    }

    @Test
    void forgedOrTamperedAckLinksAreRefused() throws Exception {
        HttpResponse<String> r = get("/ack/bm9wZXxub3BlfDk5OTk5OTk5OTk.AAAA");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("https://zschangfang.cn/problems/forbidden");
    }

    @Test
    void statusChangedToContactedStopsEscalation() {
        String leadId = leadToNewAgent("五桂山", "状态测试").leadId();

        String eventId = UUID.randomUUID().toString();
        KafkaProbe.send(
                brokers(),
                "lead.status-changed",
                leadId,
                "{\"eventId\":\"%s\",\"occurredAt\":\"%s\",\"leadId\":\"%s\",\"status\":\"CONTACTED\",\"previousStatus\":\"NEW\",\"actor\":\"a\"}"
                        .formatted(eventId, Instant.now(), leadId),
                eventId);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> LeadCaseState.ACKNOWLEDGED.equals(
                        mongo.findById(leadId, LeadCase.class).state()));
        pastDeadline(leadId);
        escalations.escalateDue();
        assertThat(mongo.findById(leadId, LeadCase.class).escalationLevel()).isZero();
    }

    @Test
    void theEscalationLeaseIsHeldByOneInstanceAtATime() {
        JobLease other = new JobLease(mongo, java.time.Clock.systemUTC());
        String job = unique("job");
        assertThat(lease.tryAcquire(job, Duration.ofSeconds(30))).isTrue();
        assertThat(other.tryAcquire(job, Duration.ofSeconds(30))).isFalse();
        assertThat(lease.tryAcquire(job, Duration.ofSeconds(30))).isTrue(); // renewal by the holder
        String expiring = unique("job");
        assertThat(lease.tryAcquire(expiring, Duration.ofMillis(1))).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> other.tryAcquire(expiring, Duration.ofSeconds(30)));
    }

    @Test
    void sharedPoolLeadBelongsToTheFirstAgentWhoClaimsIt() {
        String town = unique("三角镇");
        String a = agent(town, "/r/" + UUID.randomUUID());
        String b = agent(town, "/r/" + UUID.randomUUID());
        String leadId = UUID.randomUUID().toString();
        var lead = LeadBuilder.lead(leadId).wants("BUY", "LAND", town).score(40).build();
        mongo.insert(new LeadCase(
                leadId,
                lead,
                RoutedBy.SHARED_POOL,
                "broadcast",
                null,
                java.util.List.of(a, b),
                LeadCaseState.OPEN,
                Instant.now(),
                Instant.now().plusSeconds(300),
                0,
                null,
                null,
                null));

        assertThat(escalations.acknowledge(leadId, b)).isEqualTo(Escalations.AckOutcome.ACKNOWLEDGED);
        assertThat(escalations.acknowledge(leadId, a)).isEqualTo(Escalations.AckOutcome.TAKEN_BY_OTHER);
        assertThat(escalations.acknowledge(leadId, b)).isEqualTo(Escalations.AckOutcome.ALREADY_ACKNOWLEDGED);
        assertThat(mongo.findById(leadId, LeadCase.class).assignedAgentId()).isEqualTo(b);
        var claimed = published("lead.routed", leadId, 1, Duration.ofSeconds(10));
        assertThat(claimed).hasSize(1);
        assertThat(json.readTree(claimed.get(0).value()).get("agentId").asString())
                .isEqualTo(b);
        assertThat(json.readTree(claimed.get(0).value()).get("strategy").asString())
                .isEqualTo("SHARED_POOL");
    }
}
