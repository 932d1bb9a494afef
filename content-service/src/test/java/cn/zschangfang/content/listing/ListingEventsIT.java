package cn.zschangfang.content.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.content.listing.events.ListingEvents;
import cn.zschangfang.content.listing.events.ListingOutboxRelay;
import cn.zschangfang.content.listing.model.ListingStatus;
import cn.zschangfang.content.listing.model.PendingEvent;
import cn.zschangfang.content.support.ServiceIT;
import cn.zschangfang.platform.test.KafkaProbe;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the listing life cycle really puts on the broker, validated against the schemas content-service owns. */
class ListingEventsIT extends ServiceIT {

    @Autowired
    JsonMapper json;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ListingEvents events;

    @Autowired
    ListingOutboxRelay relay;

    private static String brokers() {
        return System.getProperty("spring.embedded.kafka.brokers");
    }

    private static Schema schema(String topic) throws IOException {
        try (InputStream in = ListingEventsIT.class.getResourceAsStream("/contracts/" + topic + ".schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        }
    }

    private ConsumerRecord<String, String> one(String topic, String listingId) {
        List<ConsumerRecord<String, String>> found =
                KafkaProbe.read(brokers(), topic, r -> listingId.equals(r.key()), 1, Duration.ofSeconds(60));
        assertThat(found).as("%s for %s", topic, listingId).hasSize(1);
        return found.get(0);
    }

    private String status(String id, String status) {
        HttpResponse<String> r = http().admin(
                        "POST", "/api/content/admin/listings/" + id + "/status", "{\"status\":\"" + status + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private void assertOutboxEmpty(String id) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            org.bson.Document doc = mongo.findById(id, org.bson.Document.class, "listings");
            assertThat(doc.getList("pendingEvents", Object.class)).isEmpty();
            assertThat(doc.get("outboxSince")).isNull();
        });
    }

    @Test
    void publishingEditingAndLeasingEmitTheThreeEventsAsTheirSchemasSay() throws IOException {
        HttpResponse<String> created = http().admin(
                        "POST",
                        "/api/content/admin/listings",
                        ListingFixtures.listing(
                                "events-lifecycle",
                                "小榄",
                                ",\"buildingForm\":\"SINGLE_STOREY\",\"clearHeightM\":9,\"powerKva\":630,\"fireHazardClass\":\"C\","
                                        + "\"craneTonnage\":10,\"leaseAmount\":0.6,\"leaseAmountFrequency\":\"YUAN_PER_SQM_DAY\","
                                        + "\"description\":\"不出现在事件里\""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).path("id").asString();
        status(id, "PENDING_REVIEW");
        status(id, "PUBLISHED");

        ConsumerRecord<String, String> published = one(ListingEvents.PUBLISHED_TOPIC, id);
        Schema publishedSchema = schema(ListingEvents.PUBLISHED_TOPIC);
        assertThat(publishedSchema.validate(json.readTree(published.value()))).isEmpty();
        assertThat(KafkaProbe.header(published, "ce_type")).isEqualTo("cn.zschangfang.content.listing-published.v1");
        assertThat(KafkaProbe.header(published, "ce_source")).isEqualTo("urn:zschangfang:content-service");
        assertThat(KafkaProbe.header(published, "ce_specversion")).isEqualTo("1.0");
        JsonNode event = json.readTree(published.value());
        assertThat(KafkaProbe.header(published, "ce_id"))
                .isEqualTo(event.path("eventId").asString());
        assertThat(event.path("town").asString()).isEqualTo("小榄镇");
        assertThat(event.path("rentYuanPerSqmMonth").asDouble()).isEqualTo(18.0);
        assertThat(event.path("floor").asInt()).isEqualTo(1);
        assertThat(event.path("agentId").asString()).isEqualTo("demo-liwei");
        assertThat(published.value()).doesNotContain("不出现在事件里");
        // The check can fail: a payload that breaks the contract is rejected by the same schema.
        assertThat(publishedSchema.validate(json.readTree(published.value().replace("\"town\"", "\"Town\""))))
                .isNotEmpty();

        HttpResponse<String> edited = http().admin(
                        "PUT",
                        "/api/content/admin/listings/" + id,
                        ListingFixtures.listing(null, "小榄镇", ",\"powerKva\":1000"));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        ConsumerRecord<String, String> changed = one(ListingEvents.CHANGED_TOPIC, id);
        assertThat(schema(ListingEvents.CHANGED_TOPIC).validate(json.readTree(changed.value())))
                .isEmpty();
        assertThat(json.readTree(changed.value()).path("powerKva").asInt()).isEqualTo(1000);
        assertThat(json.readTree(changed.value()).path("publishedAt").asString())
                .isEqualTo(event.path("publishedAt").asString());

        status(id, "LEASED");
        ConsumerRecord<String, String> withdrawn = one(ListingEvents.WITHDRAWN_TOPIC, id);
        assertThat(schema(ListingEvents.WITHDRAWN_TOPIC).validate(json.readTree(withdrawn.value())))
                .isEmpty();
        assertThat(json.readTree(withdrawn.value()).path("status").asString()).isEqualTo("LEASED");
        assertThat(KafkaProbe.header(withdrawn, "ce_type")).isEqualTo("cn.zschangfang.content.listing-withdrawn.v1");
        assertOutboxEmpty(id);
    }

    @Test
    void anEventLeftInTheOutboxIsPublishedByTheRelay() throws IOException {
        HttpResponse<String> created =
                http().admin("POST", "/api/content/admin/listings", ListingFixtures.listing("events-relay", "坦洲", ""));
        String id = json.readTree(created.body()).path("id").asString();
        // As if the process had died right after writing the status change, before the broker was reached.
        PendingEvent stuck =
                events.withdrawn(id, ListingStatus.WITHDRAWN, Instant.now().minusSeconds(60));
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)),
                new Update().push("pendingEvents", stuck).set("outboxSince", stuck.occurredAt()),
                "listings");

        relay.sweepOnce();

        ConsumerRecord<String, String> record = one(ListingEvents.WITHDRAWN_TOPIC, id);
        assertThat(KafkaProbe.header(record, "ce_id")).isEqualTo(stuck.eventId());
        assertThat(schema(ListingEvents.WITHDRAWN_TOPIC).validate(json.readTree(record.value())))
                .isEmpty();
        assertOutboxEmpty(id);
    }
}
