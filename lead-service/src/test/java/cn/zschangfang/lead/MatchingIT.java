package cn.zschangfang.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.lead.capture.CaptureRequest;
import cn.zschangfang.lead.capture.TestInquiry;
import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.ListingMatch;
import cn.zschangfang.lead.inquiry.TimelineEntry;
import cn.zschangfang.lead.listing.ListingIndex;
import cn.zschangfang.lead.outbox.OutboxEvents;
import cn.zschangfang.platform.test.KafkaProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Matching on the real broker and the MongoDB-wire server, fed with listing events as raw JSON in the contract's
 * shape (what content-service sends, with a field lead-service does not know). Everything happens in 神湾镇, which no
 * other IT uses, so the shared database's other leads neither match nor get matched.
 */
class MatchingIT extends LeadServiceITBase {

    private static final String TOWN = "神湾镇";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    ListingIndex index;

    /** A published 1,500 ㎡ ground-floor factory in 神湾镇 fitting the requirements below, changed per listing. */
    private static String listing(String eventId, String id, Instant occurredAt, Map<String, Object> changes) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("eventId", eventId);
        fields.put("occurredAt", occurredAt.toString());
        fields.put("listingId", id);
        fields.put("slug", "shenwan-" + id);
        fields.put("title", "神湾镇标准厂房" + id);
        fields.put("deal", "LEASE");
        fields.put("propertyType", "STANDARD_FACTORY");
        fields.put("town", TOWN);
        fields.put("buildingAreaTotal", 1500);
        fields.put("usableArea", 1400);
        fields.put("lotSizeArea", null);
        fields.put("minDivisibleSqm", null);
        fields.put("floor", 1);
        fields.put("floorsTotal", 3);
        fields.put("buildingForm", "MULTI_STOREY");
        fields.put("clearHeightM", 9);
        fields.put("powerKva", 630);
        fields.put("fireHazardClass", "C");
        fields.put("craneTonnage", null);
        fields.put("rentYuanPerSqmMonth", 20);
        fields.put("listPriceWan", null);
        fields.put("agentId", "demo-huangtao");
        fields.put("publishedAt", occurredAt.toString());
        fields.put("parkingSpaces", 30); // a field lead-service does not know: a tolerant reader ignores it
        fields.putAll(changes);
        return fields.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + value(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String value(Object v) {
        return v == null ? "null" : v instanceof String s ? "\"" + s + "\"" : v.toString();
    }

    private void publish(String topic, String id, String json) {
        KafkaProbe.send(broker.getBrokersAsString(), topic, id, json);
    }

    private static TestInquiry needs(String phone) {
        return inquiry(phone).town("神湾").contactName("黄先生");
    }

    /** Needs every listing of this test is scored against: 1,000-2,000 ㎡ on the ground floor, 8 m, 400 kVA, C. */
    private static TestInquiry withRequirements(TestInquiry inquiry) {
        return inquiry.areaSqm(1000, 2000)
                .requirements(new CaptureRequest.RequirementsRequest(
                        8.0,
                        400.0,
                        "GROUND_ONLY",
                        "C",
                        null,
                        new CaptureRequest.BudgetRequest(25.0, "YUAN_PER_SQM_MONTH"),
                        LocalDate.now().plusMonths(2).toString(),
                        36,
                        "五金加工"));
    }

    @Test
    void aLeadWithRequirementsGetsItsFiveBestMatchesStoredAndOnLeadCaptured() {
        Instant t0 = Instant.now().minusSeconds(600);
        String p = "P" + RUN + "-";
        // Six that fit (two of them 1,900 ㎡ and 950 ㎡: one inside the range, one only close), one too low, one
        // withdrawn.
        publish("content.listing-published", p + "1", listing(UUID.randomUUID().toString(), p + "1", t0, Map.of()));
        publish(
                "content.listing-published",
                p + "2",
                listing(UUID.randomUUID().toString(), p + "2", t0.plusSeconds(10), Map.of("buildingAreaTotal", 1900)));
        publish(
                "content.listing-published",
                p + "3",
                listing(UUID.randomUUID().toString(), p + "3", t0.plusSeconds(20), Map.of()));
        publish(
                "content.listing-published",
                p + "4",
                listing(UUID.randomUUID().toString(), p + "4", t0.plusSeconds(30), Map.of("rentYuanPerSqmMonth", 30)));
        publish(
                "content.listing-published",
                p + "5",
                listing(UUID.randomUUID().toString(), p + "5", t0.plusSeconds(40), Map.of("buildingAreaTotal", 950)));
        publish(
                "content.listing-published",
                p + "6",
                listing(UUID.randomUUID().toString(), p + "6", t0.plusSeconds(50), Map.of("fireHazardClass", "A")));
        publish(
                "content.listing-published",
                p + "low",
                listing(UUID.randomUUID().toString(), p + "low", t0, Map.of("clearHeightM", 6)));
        publish(
                "content.listing-published",
                p + "gone",
                listing(UUID.randomUUID().toString(), p + "gone", t0, Map.of()));
        publish(
                "content.listing-withdrawn",
                p + "gone",
                "{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + t0.plusSeconds(60)
                        + "\",\"listingId\":\"" + p + "gone\",\"status\":\"LEASED\"}");
        // An edit that arrives late with an older version must not undo the withdrawal.
        String lateEdit = UUID.randomUUID().toString();
        publish("content.listing-changed", p + "gone", listing(lateEdit, p + "gone", t0.plusSeconds(30), Map.of()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> index.isMatchable(p + "6")
                        && index.isMatchable(p + "low")
                        && mongo.exists(
                                org.springframework.data.mongodb.core.query.Query.query(
                                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                                .is(p + "gone")
                                                .and("active")
                                                .is(false)),
                                "listings"));
        awaitProcessed("listing-changed", lateEdit);
        assertThat(index.isMatchable(p + "gone"))
                .as("a late older edit does not bring it back")
                .isFalse();

        String id = capture(withRequirements(needs(uniquePhone()))
                .sourceListing("shenwan-" + p + "3")
                .json());

        Lead lead = leads.findById(id).orElseThrow();
        assertThat(lead.requirements().minClearHeightM()).isEqualTo(8.0);
        assertThat(lead.sourceListing().listingId()).isEqualTo(p + "3");
        assertThat(lead.sourceListing().agentId()).isEqualTo("demo-huangtao");
        // Full fits (同镇街 面积吻合 一楼 层高 配电 消防 租金 = 100) newest first; p4 is over budget (85), p5 only close (90).
        assertThat(lead.matchesOrNone())
                .extracting(ListingMatch::listingId)
                .containsExactly(p + "6", p + "3", p + "2", p + "1", p + "5");
        assertThat(lead.matchesOrNone().get(0).reasons())
                .containsExactly("同镇街", "面积吻合", "一楼或单层", "层高满足", "配电满足", "消防等级满足", "租金在预算内");
        assertThat(lead.matchesOrNone().get(0).score()).isEqualTo(100);
        assertThat(lead.matchesOrNone().get(4).reasons()).contains("面积接近");

        ConsumerRecord<String, String> record =
                published("lead.captured", id, 1).get(0);
        assertThat(ContractSchemas.validate("lead.captured", record.value())).isEmpty();
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("sourceListing").get("agentId").asString()).isEqualTo("demo-huangtao");
        assertThat(event.get("requirements").get("floor").asString()).isEqualTo("GROUND_ONLY");
        assertThat(event.get("matches")
                        .valueStream()
                        .map(m -> m.get("listingId").asString())
                        .toList())
                .containsExactly(p + "6", p + "3", p + "2", p + "1", p + "5");
        assertThat(event.get("matches").get(0).get("reasons").get(1).asString()).isEqualTo("面积吻合");

        HttpResponse<String> detail = http().get("/api/leads/" + id, "Authorization", "Bearer it-admin-token");
        JsonNode view = json.readTree(detail.body());
        assertThat(view.get("matches")).hasSize(5);
        assertThat(view.get("requirements").get("minPowerKva").asDouble()).isEqualTo(400.0);
        assertThat(view.get("sourceListing").get("slug").asString()).isEqualTo("shenwan-" + p + "3");
    }

    @Test
    void badRequirementsAndAnUnknownListingAre400sNamingTheField() {
        HttpResponse<String> height = http().post(
                        "/api/leads",
                        needs(uniquePhone()).requirement("minClearHeightM", -2).json(),
                        "X-Api-Key",
                        PARTNER_KEY);
        HttpResponse<String> typed = http().post(
                        "/api/leads",
                        needs(uniquePhone()).requirement("minPowerKva", "lots").json(),
                        "X-Api-Key",
                        PARTNER_KEY);
        HttpResponse<String> unknown = http().post(
                        "/api/leads",
                        needs(uniquePhone()).sourceListing("no-such-listing").json(),
                        "X-Api-Key",
                        PARTNER_KEY);

        assertThat(firstError(height)).isEqualTo("requirements.minClearHeightM/out_of_range");
        assertThat(firstError(typed)).isEqualTo("requirements.minPowerKva/invalid_type");
        assertThat(firstError(unknown)).isEqualTo("sourceListing/unknown_listing");
    }

    private String firstError(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = json.readTree(response.body()).get("errors").get(0);
        return error.get("field").asString() + "/" + error.get("code").asString();
    }

    @Test
    void aNewlyPublishedListingIsRecordedOnMatchingOpenLeadsAndAnnouncedOncePerAgent() {
        String a1 = capture(needs(uniquePhone()).areaSqm(2000, 4000).json());
        String a2 = capture(needs(uniquePhone()).json());
        String b1 =
                capture(needs(uniquePhone()).requirement("minClearHeightM", 10).json());
        String unassigned = capture(needs(uniquePhone()).json());
        String lost = capture(needs(uniquePhone()).json());
        String tooLow =
                capture(needs(uniquePhone()).requirement("minClearHeightM", 20).json());
        route(a1, "agent-x");
        route(a2, "agent-x");
        route(b1, "agent-y");
        route(lost, "agent-y");
        route(tooLow, "agent-y");
        HttpResponse<String> closed = http().post(
                        "/api/agent/leads/" + lost + "/status",
                        "{\"status\":\"LOST\"}",
                        "Authorization",
                        "Bearer it-admin-token");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);

        String listingId = "N" + RUN;
        String eventId = UUID.randomUUID().toString();
        Instant at = Instant.now();
        String published = listing(eventId, listingId, at, Map.of("buildingAreaTotal", 3000, "clearHeightM", 12));
        publish("content.listing-published", listingId, published);
        publish("content.listing-published", listingId, published); // redelivered
        String againId = UUID.randomUUID().toString();
        String republished =
                listing(againId, listingId, at.plusSeconds(5), Map.of("buildingAreaTotal", 3000, "clearHeightM", 12));
        publish("content.listing-published", listingId, republished); // published again later
        // One partition: once the later publication is processed, so is the redelivery before it.
        awaitProcessed("listing-published", eventId, againId);

        for (String id : List.of(a1, a2, b1, unassigned)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> listingMatched(id, listingId) == 1);
        }
        assertThat(listingMatched(lost, listingId))
                .as("a closed lead is not offered new listings")
                .isZero();
        assertThat(listingMatched(tooLow, listingId))
                .as("12 m does not meet 20 m")
                .isZero();
        TimelineEntry entry = leads.findById(a1).orElseThrow().timeline().stream()
                .filter(e -> e.type().equals("LISTING_MATCHED"))
                .findFirst()
                .orElseThrow();
        assertThat(entry.detail()).contains(listingId).contains("神湾镇标准厂房" + listingId);

        List<ConsumerRecord<String, String>> announced = KafkaProbe.read(
                broker.getBrokersAsString(),
                "lead.listing-matched",
                r -> r.value().contains("\"" + listingId + "\""),
                2,
                Duration.ofSeconds(20));
        assertThat(announced).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("agent-x", "agent-y");
        for (ConsumerRecord<String, String> record : announced) {
            assertThat(ContractSchemas.validate("lead.listing-matched", record.value()))
                    .isEmpty();
            JsonNode event = json.readTree(record.value());
            assertThat(KafkaProbe.header(record, "ce_id"))
                    .isEqualTo(event.get("eventId").asString())
                    .isEqualTo(OutboxEvents.listingMatchedEventId(listingId, record.key()));
            assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo("cn.zschangfang.lead.listing-matched.v1");
            List<String> ids =
                    event.get("leadIds").valueStream().map(JsonNode::asString).toList();
            assertThat(ids)
                    .containsExactlyInAnyOrderElementsOf(
                            record.key().equals("agent-x") ? List.of(a1, a2) : List.of(b1));
            assertThat(event.get("title").asString()).isEqualTo("神湾镇标准厂房" + listingId);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> List.of(a1, a2, b1).stream()
                        .allMatch(id ->
                                leads.findById(id).orElseThrow().pendingEvents().isEmpty()));
    }

    private void route(String leadId, String agent) {
        sendRouted(leadId, agent, "经纪人", "WEIGHTED_ROUND_ROBIN", false);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> agent.equals(leads.findById(leadId).orElseThrow().assigneeId()));
    }

    private long listingMatched(String leadId, String listingId) {
        return leads.findById(leadId).orElseThrow().timeline().stream()
                .filter(e -> e.type().equals("LISTING_MATCHED") && e.detail().contains(listingId))
                .count();
    }

    /** Waits until the consumer has recorded these events as processed (each only after its effect). */
    private void awaitProcessed(String consumer, String... eventIds) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> java.util.Arrays.stream(eventIds)
                        .allMatch(e -> mongo.getCollection("processed_events")
                                        .countDocuments(new Document("_id", consumer + ":" + e))
                                == 1));
    }
}
