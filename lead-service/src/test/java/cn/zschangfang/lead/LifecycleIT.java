package cn.zschangfang.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStatus;
import cn.zschangfang.platform.test.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Lifecycle: notify-service's events move the status forward exactly once. */
class LifecycleIT extends LeadServiceITBase {

    @Test
    void routedAndDeliveryEventsAdvanceTheStatusOnceEvenWhenRedelivered() {
        String id = capture(inquiry(uniquePhone()).json());
        String brokers = broker.getBrokersAsString();
        String routed = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + Instant.now()
                + "\",\"leadId\":\"" + id + "\",\"agentId\":\"agent-1\",\"agentName\":\"王经理\",\"strategy\":\"town\","
                + "\"reason\":\"沙溪镇\",\"escalation\":false,\"previousAgentId\":null,\"newField\":true}";
        KafkaProbe.send(brokers, "lead.routed", id, routed);
        KafkaProbe.send(brokers, "lead.routed", id, routed);
        awaitStatus(id, LeadStatus.ROUTED);
        String sent = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\""
                + Instant.now() + "\",\"deliveryId\":\"d1\",\"leadId\":\"" + id + "\",\"agentId\":\"agent-1\","
                + "\"channel\":\"WECOM\",\"purpose\":\"NEW_LEAD\",\"status\":\"SENT\",\"attempt\":1,\"latencyMs\":120}";
        KafkaProbe.send(brokers, "notify.delivery", id, sent);
        KafkaProbe.send(brokers, "notify.delivery", id, sent);
        // Same key, same partition: once this later event is on the timeline, both copies above were consumed.
        sendDelivery(id, "agent-1", "SMS", "REMINDER", "FAILED", 1);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> leads.findById(id).orElseThrow().timeline().stream()
                        .anyMatch(e -> e.detail().startsWith("REMINDER via SMS")));
        Lead lead = leads.findById(id).orElseThrow();
        assertThat(lead.status()).isEqualTo(LeadStatus.NOTIFIED);
        // The redelivered routed and delivery events left no trace: one note each, no "owner changed" note.
        assertThat(lead.timeline())
                .filteredOn(e -> e.type().equals("DELIVERY"))
                .extracting(e -> e.detail())
                .containsExactly(
                        "NEW_LEAD via WECOM to agent-1: SENT (attempt 1)",
                        "REMINDER via SMS to agent-1: FAILED (attempt 1)");
        assertThat(lead.timeline()).noneMatch(e -> e.type().equals("ROUTED"));
        assertThat(lead.assigneeId()).isEqualTo("agent-1");
        assertThat(lead.notifiedAt()).isNotNull();
        assertThat(lead.timeline().stream().filter(e -> e.type().equals("STATUS_CHANGED")))
                .extracting(e -> e.detail())
                .hasSize(2)
                .anySatisfy(d -> assertThat(d).startsWith("NEW → ROUTED"))
                .anySatisfy(d -> assertThat(d).startsWith("ROUTED → NOTIFIED"));

        List<ConsumerRecord<String, String>> changes = published("lead.status-changed", id, 2);
        assertThat(changes).hasSize(2);
        for (ConsumerRecord<String, String> change : changes) {
            assertThat(ContractSchemas.validate("lead.status-changed", change.value()))
                    .isEmpty();
            assertThat(KafkaProbe.header(change, "ce_type")).isEqualTo("cn.zschangfang.lead.status-changed.v1");
        }
        assertThat(changes)
                .extracting(r -> json.readTree(r.value()).get("status").asString())
                .containsExactly("ROUTED", "NOTIFIED");
    }

    @Test
    void escalationToAnotherAgentMovesOwnershipWithoutGoingBackInStatus() {
        String id = capture(inquiry(uniquePhone()).json());
        sendRouted(id, "agent-1", "王经理", "town", false);
        awaitStatus(id, LeadStatus.ROUTED);
        sendDelivery(id, "agent-1", "SANDBOX", "NEW_LEAD", "SENT", null);
        awaitStatus(id, LeadStatus.NOTIFIED);

        sendRouted(id, "agent-2", "李经理", "escalation", true);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "agent-2".equals(leads.findById(id).orElseThrow().assigneeId()));

        assertThat(leads.findById(id).orElseThrow().status()).isEqualTo(LeadStatus.NOTIFIED);
        int verificationsBefore = NOTIFY.calls();
        assertThat(http().get("/api/leads/" + id, "Authorization", "Bearer agent-2-token")
                        .statusCode())
                .isEqualTo(200);
        assertThat(http().get("/api/leads/" + id, "Authorization", "Bearer agent-1-token")
                        .statusCode())
                .isEqualTo(404);
        assertThat(http().get("/api/leads/" + id, "Authorization", "Bearer agent-2-token")
                        .statusCode())
                .isEqualTo(200);
        // Verified tokens are cached briefly: at most one call per distinct token.
        assertThat(NOTIFY.calls() - verificationsBefore).isLessThanOrEqualTo(2);
        assertThat(leads.findById(id).orElseThrow().timeline())
                .anySatisfy(e -> assertThat(e.detail()).startsWith("升级转派给 李经理"));
    }

    /**
     * The two topics are consumed on different threads, so the order in which a routed and a delivery event land is
     * not defined (under load a delivery was seen first); a test that asserts the ROUTED → NOTIFIED order lets the
     * routed event land first, as notify-service sends it.
     */
    @Test
    void aListingMatchDigestIsRecordedButDoesNotCountAsTheLeadsOwnNotification() {
        String id = capture(inquiry(uniquePhone()).json());
        sendRouted(id, "agent-1", "王经理", "WEIGHTED_ROUND_ROBIN", false);
        awaitStatus(id, LeadStatus.ROUTED);
        sendDelivery(id, "agent-1", "WECOM", "LISTING_MATCH", "SENT", 1);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> leads.findById(id).orElseThrow().timeline().stream()
                        .anyMatch(e -> e.type().equals("DELIVERY") && e.detail().startsWith("LISTING_MATCH")));
        assertThat(leads.findById(id).orElseThrow().status()).isEqualTo(LeadStatus.ROUTED);
    }
}
