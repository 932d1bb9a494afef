package cn.zschangfang.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.lead.capture.CaptureWarmUp;
import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.platform.kafka.KafkaProducerWarmUp;
import cn.zschangfang.platform.test.KafkaProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** Capture: an accepted inquiry is stored once and published once; a bad one stores nothing. */
class CaptureIT extends LeadServiceITBase {

    @Autowired
    CaptureWarmUp warmUp;

    @Autowired
    KafkaProducerWarmUp producerWarmUp;

    @Test
    void theStartUpWarmUpRanEveryStepOfACaptureAndStoredNothing() {
        assertThat(warmUp.completed()).containsExactly("read", "validate", "draft", "map", "answer");
        assertThat(mongo.count(Query.query(Criteria.where("phone").is(CaptureWarmUp.SAMPLE_PHONE)), "leads"))
                .isZero();
        assertThat(mongo.count(Query.query(Criteria.where("leadId").is("warm-up")), "duplicate_claims"))
                .isZero();
        assertThat(leads.findById("warm-up")).isEmpty();
        assertThat(producerWarmUp.topic()).isEqualTo("lead.captured");
        assertThat(producerWarmUp.partitions())
                .as("the broker's metadata was read")
                .isEqualTo(1);
    }

    @Test
    void minimalInquiryWithApiKeyIsCreatedStoredAndPublishedOnceWithCloudEventsHeaders() {
        String phone = uniquePhone();
        HttpResponse<String> response = http().post(
                        "/api/leads",
                        inquiry("+86 " + phone.substring(0, 3) + "-" + phone.substring(3))
                                .areaMu(10, 20)
                                .json(),
                        "X-Api-Key",
                        PARTNER_KEY);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        String id = body.get("id").asString();
        assertThat(body.get("status").asString()).isEqualTo("NEW");
        assertThat(Instant.parse(body.get("receivedAt").asString()))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(response.headers().firstValue("Location")).hasValue("/api/leads/" + id);

        Lead stored = leads.findById(id).orElseThrow();
        assertThat(stored.contact().phone()).isEqualTo(phone);
        assertThat(stored.inquiry().town()).isEqualTo("沙溪镇");
        assertThat(stored.attribution().channel()).isEqualTo("partner");
        assertThat(stored.inquiry().areaSqm().min()).isEqualTo(6666.7);
        assertThat(stored.consent().given()).isTrue();
        assertThat(stored.consent().wordingVersion()).isEqualTo("2026-01");
        assertThat(stored.consent().at()).isNotNull();
        assertThat(stored.marketingSmsConsent().given())
                .as("marketing SMS is its own purpose: not given unless ticked")
                .isFalse();

        List<ConsumerRecord<String, String>> records = published("lead.captured", id, 1);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        JsonNode event = json.readTree(record.value());
        assertThat(KafkaProbe.header(record, "ce_id"))
                .isEqualTo(event.get("eventId").asString());
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("urn:zschangfang:lead-service");
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo("cn.zschangfang.lead.captured.v1");
        assertThat(KafkaProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaProbe.header(record, "ce_time")).isNotBlank();
        assertThat(KafkaProbe.header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(ContractSchemas.validate("lead.captured", record.value())).isEmpty();
        assertThat(event.get("town").asString()).isEqualTo("沙溪镇");
        assertThat(event.get("phoneMasked").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(event.get("contactNameMasked").asString()).isEqualTo("张*");
        assertThat(record.value()).doesNotContain(phone).doesNotContain("张三");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> leads.findById(id).orElseThrow().pendingEvents().isEmpty());
    }

    @Test
    void invalidPhoneIsA400NamingPhoneAndNothingIsStored() {
        long before = leads.count();
        HttpResponse<String> response =
                http().post("/api/leads", inquiry("12345").json(), "X-Api-Key", PARTNER_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://zschangfang.cn/problems/validation");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("phone");
        assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("invalid_phone");
        assertThat(leads.count()).isEqualTo(before);
    }
}
