package cn.zschangfang.lead.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The immutable {@link Lead} with its grouped values reads and writes the same flat document the mutable class did,
 * so leads stored before the change still read, and queries on {@code phone}, {@code town} … keep working.
 */
@Import(LeadStore.class)
class LeadDocumentShapeTest extends StandInMongoTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LeadStore store;

    /** A lead exactly as the mutable class stored it (field names and nesting copied from a stored document). */
    static Document storedBeforeTheChange(String id) {
        Date at = Date.from(Instant.parse("2026-11-02T03:04:05.678Z"));
        return new Document("_id", id)
                .append("status", "NOTIFIED")
                .append("receivedAt", at)
                .append("intent", "LEASE")
                .append("propertyType", "FACTORY")
                .append("town", "沙溪镇")
                .append("areaSqm", new Document("min", 2000.01).append("max", 4000.02))
                .append("areaMu", new Document("min", 3.0).append("max", 6.0))
                .append("use", "五金加工")
                .append("expectedAnnualTaxWan", 120.0)
                .append("company", "中山某某五金有限公司")
                .append("contactName", "张三")
                .append("phone", "13800138000")
                .append("message", "需要带行车的厂房")
                .append("sourceArticle", "shaxi-factory")
                .append("visitorId", "v-1")
                .append("channel", "web")
                .append("consent", new Document("given", true).append("at", at).append("wordingVersion", "2026-01"))
                .append(
                        "interests",
                        new Document("articles", List.of(new Document("slug", "shaxi-factory").append("title", "沙溪厂房")))
                                .append("tags", List.of("厂房"))
                                .append("towns", List.of("沙溪镇")))
                .append("score", 75)
                .append("scoreReasons", List.of("基础分 +20"))
                .append("assigneeId", "agent-1")
                .append("assigneeName", "李四")
                .append("notifiedAt", at)
                .append(
                        "timeline",
                        List.of(new Document("at", at)
                                .append("type", "CAPTURED")
                                .append("actor", "web")
                                .append("detail", "score 75")))
                .append("pendingEvents", List.of())
                .append("_class", Lead.class.getName());
    }

    @Test
    void aDocumentStoredBeforeTheChangeReadsIntoTheGroups() {
        String id = UUID.randomUUID().toString();
        mongo.getCollection("leads").insertOne(storedBeforeTheChange(id));

        Lead lead = store.find(id).orElseThrow();

        assertThat(lead.status()).isEqualTo(LeadStatus.NOTIFIED);
        assertThat(lead.inquiry())
                .isEqualTo(new Lead.Inquiry(
                        Lead.Intent.LEASE,
                        Lead.PropertyType.FACTORY,
                        "沙溪镇",
                        new Lead.Range(2000.01, 4000.02),
                        new Lead.Range(3.0, 6.0),
                        "五金加工",
                        120.0,
                        "需要带行车的厂房"));
        assertThat(lead.contact()).isEqualTo(new Lead.Contact("张三", "13800138000", "中山某某五金有限公司"));
        assertThat(lead.attribution()).isEqualTo(new Lead.Attribution("shaxi-factory", "v-1", "web"));
        assertThat(lead.consent().wordingVersion()).isEqualTo("2026-01");
        assertThat(lead.interests().articles()).containsExactly(new Lead.ArticleRef("shaxi-factory", "沙溪厂房"));
        assertThat(lead.score()).isEqualTo(75);
        assertThat(lead.assigneeName()).isEqualTo("李四");
        assertThat(lead.timeline()).extracting(TimelineEntry::type).containsExactly("CAPTURED");
    }

    @Test
    void writingItBackGivesTheSameDocument() {
        String id = UUID.randomUUID().toString();
        Document before = storedBeforeTheChange(id);
        mongo.getCollection("leads").insertOne(before);
        Lead lead = store.find(id).orElseThrow();
        mongo.remove(Query.query(Criteria.where("_id").is(id)), Lead.class);

        store.insert(lead);

        Document after =
                mongo.getCollection("leads").find(new Document("_id", id)).first();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void anErasedLeadAndAProjectionReadWithEmptyGroupsNotNulls() {
        String id = UUID.randomUUID().toString();
        Document erased = storedBeforeTheChange(id);
        erased.remove("contactName");
        erased.remove("phone");
        erased.remove("message");
        erased.remove("visitorId");
        erased.remove("pendingEvents");
        mongo.getCollection("leads").insertOne(erased);

        Lead lead = store.find(id).orElseThrow();
        Query idsOnly = Query.query(Criteria.where("_id").is(id));
        idsOnly.fields().include("_id");
        Lead projected = mongo.findOne(idsOnly, Lead.class);

        assertThat(lead.contact().phone()).isNull();
        assertThat(lead.contact().company()).isEqualTo("中山某某五金有限公司");
        assertThat(lead.pendingEvents()).isEmpty();
        assertThat(projected.id()).isEqualTo(id);
        assertThat(projected.inquiry().town()).isNull();
        assertThat(projected.timeline()).isEmpty();
    }
}
