package cn.zschangfang.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadRepository;
import cn.zschangfang.lead.inquiry.LeadStatus;
import cn.zschangfang.lead.privacy.PersonalData;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.altcha.altcha.Altcha;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on a real KRaft broker (spring-kafka-test) and the MongoDB-wire stand-in: capture, outbox,
 * duplicates, enrichment, lifecycle, desk API with agent isolation, PIPL, spam defences, metrics, stats.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
            "lead.admin-token=it-admin-token",
            "lead.integration-api-keys=partner=it-partner-key,loadtest=it-load-key",
            "lead.spam.altcha-hmac-key=it-altcha-key",
            "lead.spam.altcha-max-number=2000",
            "lead.spam.min-fill-time=2s",
            "lead.spam.per-phone-per-day=6",
            "lead.duplicate-window=24h",
            "lead.spam.per-ip-per-hour=4",
            "lead.outbox.relay-interval=500ms",
            "lead.outbox.relay-min-age=1s",
            "lead.metrics.outbox-refresh=PT0.5S",
            "lead.retention.period=365d"
        })
@EmbeddedKafka(
        partitions = 1,
        topics = {"lead.captured", "lead.status-changed", "content.article-viewed", "lead.routed", "notify.delivery"})
@ExtendWith(OutputCaptureExtension.class)
class LeadServiceIT {

    static final NotifyAuthStub NOTIFY = new NotifyAuthStub();
    static final AtomicInteger PHONES = new AtomicInteger(1000);
    static final String PARTNER_KEY = "it-partner-key";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("leads-it"));
        registry.add("lead.notify-url", NOTIFY::url);
    }

    @AfterAll
    static void stopStub() {
        NOTIFY.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    LeadRepository leads;

    @Autowired
    PersonalData personalData;

    @Autowired
    JsonMapper json;

    Http http() {
        return new Http(port);
    }

    static String uniquePhone() {
        return "1390000" + PHONES.incrementAndGet();
    }

    static String inquiry(String phone, String extra) {
        return "{\"intent\":\"LEASE\",\"propertyType\":\"FACTORY\",\"town\":\"沙溪\",\"contactName\":\"张三\",\"phone\":\""
                + phone + "\",\"consent\":true" + extra + "}";
    }

    String capture(String body) {
        HttpResponse<String> response = http().post("/api/leads", body, "X-Api-Key", PARTNER_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asString();
    }

    List<ConsumerRecord<String, String>> published(String topic, String leadId, int atLeast) {
        return KafkaProbe.read(
                broker.getBrokersAsString(), topic, r -> leadId.equals(r.key()), atLeast, Duration.ofSeconds(20));
    }

    @Test
    void minimalInquiryWithApiKeyIsCreatedStoredAndPublishedOnceWithCloudEventsHeaders() {
        String phone = uniquePhone();
        HttpResponse<String> response = http().post(
                        "/api/leads",
                        "{\"intent\":\"LEASE\",\"propertyType\":\"FACTORY\",\"town\":\"沙溪\",\"contactName\":\"张三\","
                                + "\"phone\":\"+86 " + phone.substring(0, 3) + "-" + phone.substring(3) + "\","
                                + "\"consent\":true,\"areaMu\":{\"min\":10,\"max\":20}}",
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
        assertThat(stored.getPhone()).isEqualTo(phone);
        assertThat(stored.getTown()).isEqualTo("沙溪镇");
        assertThat(stored.getChannel()).isEqualTo("partner");
        assertThat(stored.getAreaSqm().min()).isEqualTo(6666.7);
        assertThat(stored.getConsent().given()).isTrue();
        assertThat(stored.getConsent().wordingVersion()).isEqualTo("2026-01");
        assertThat(stored.getConsent().at()).isNotNull();
        assertThat(stored.getMarketingSmsConsent().given())
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
                .until(() -> leads.findById(id).orElseThrow().getPendingEvents().isEmpty());
    }

    @Test
    void invalidPhoneIsA400NamingPhoneAndNothingIsStored() {
        long before = leads.count();
        HttpResponse<String> response = http().post("/api/leads", inquiry("12345", ""), "X-Api-Key", PARTNER_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://zschangfang.cn/problems/validation");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("phone");
        assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("invalid_phone");
        assertThat(leads.count()).isEqualTo(before);
    }

    @Test
    void duplicateInquiryWithin24hIsMergedAndNotNotifiedAgain() {
        String phone = uniquePhone();
        String id = capture(inquiry(phone, ",\"message\":\"第一次\""));

        HttpResponse<String> second =
                http().post("/api/leads", inquiry(phone, ",\"message\":\"再问一次价格\""), "X-Api-Key", PARTNER_KEY);

        assertThat(second.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(second.body());
        assertThat(body.get("id").asString()).isEqualTo(id);
        assertThat(body.get("duplicate").asBoolean()).isTrue();
        assertThat(leads.findAll().stream().filter(l -> phone.equals(l.getPhone())))
                .hasSize(1);
        assertThat(leads.findById(id).orElseThrow().getTimeline()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("DUPLICATE_SUBMISSION");
            assertThat(e.detail()).contains("再问一次价格");
        });
        assertThat(published("lead.captured", id, 1)).hasSize(1);

        // Another property type is another need: a new lead.
        HttpResponse<String> other =
                http().post("/api/leads", inquiry(phone, "").replace("FACTORY", "WAREHOUSE"), "X-Api-Key", PARTNER_KEY);
        assertThat(other.statusCode()).isEqualTo(201);
    }

    @Test
    void simultaneousDoubleSubmitCreatesOneLead() throws Exception {
        String phone = uniquePhone();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> http().post("/api/leads", inquiry(phone, ""), "X-Api-Key", PARTNER_KEY)
                        .statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 200);
        } finally {
            pool.shutdown();
        }
        assertThat(leads.findAll().stream().filter(l -> phone.equals(l.getPhone())))
                .hasSize(1);
    }

    @Test
    void readingHistoryIsAttachedAsInterestsAndRaisesTheScore() {
        String visitor = "visitor-" + UUID.randomUUID();
        String firstEventId = UUID.randomUUID().toString();
        String viewed =
                "{\"eventId\":\"%s\",\"occurredAt\":\"%s\",\"articleId\":\"a%s\",\"slug\":\"%s\",\"title\":\"%s\","
                        + "\"category\":\"园区\",\"tags\":[\"%s\"],\"visitorId\":\"%s\",\"referrer\":null,\"unknownField\":42}";
        String brokers = broker.getBrokersAsString();
        KafkaProbe.send(
                brokers,
                "content.article-viewed",
                "a1",
                viewed.formatted(
                        firstEventId, Instant.now().minusSeconds(60), 1, "xiaolan-park", "小榄工业园招商", "厂房", visitor));
        // Redelivery of the same event must not count twice.
        KafkaProbe.send(
                brokers,
                "content.article-viewed",
                "a1",
                viewed.formatted(
                        firstEventId, Instant.now().minusSeconds(60), 1, "xiaolan-park", "小榄工业园招商", "厂房", visitor));
        KafkaProbe.send(
                brokers,
                "content.article-viewed",
                "a2",
                viewed.formatted(
                        UUID.randomUUID(),
                        Instant.now().minusSeconds(30),
                        2,
                        "torch-land",
                        "火炬开发区工业用地",
                        "土地",
                        visitor));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> stats = http().get("/api/leads/stats", "Authorization", "Bearer it-admin-token");
            assertThat(stats.body()).contains("torch-land");
        });

        String id = capture(inquiry(uniquePhone(), ",\"visitorId\":\"" + visitor + "\""));

        Lead lead = leads.findById(id).orElseThrow();
        assertThat(lead.getInterests().articles())
                .extracting(Lead.ArticleRef::slug)
                .containsExactly("torch-land", "xiaolan-park");
        assertThat(lead.getInterests().tags()).containsExactly("土地", "厂房");
        assertThat(lead.getInterests().towns()).containsExactlyInAnyOrder("火炬开发区", "小榄镇");
        assertThat(lead.getScoreReasons()).contains("提交前阅读过2篇文章 +10");
        JsonNode event = json.readTree(published("lead.captured", id, 1).get(0).value());
        assertThat(event.get("interests").get("articles")).hasSize(2);
        assertThat(event.get("score").asInt()).isEqualTo(lead.getScore());
        HttpResponse<String> stats = http().get("/api/leads/stats", "Authorization", "Bearer it-admin-token");
        JsonNode conversion = json.readTree(stats.body()).get("articleConversion");
        assertThat(conversion.valueStream().filter(c -> c.get("slug").asString().equals("xiaolan-park")))
                .singleElement()
                .satisfies(c -> assertThat(c.get("views").asLong()).isEqualTo(1));
    }

    @Test
    void routedAndDeliveryEventsAdvanceTheStatusOnceEvenWhenRedelivered() {
        String id = capture(inquiry(uniquePhone(), ""));
        String brokers = broker.getBrokersAsString();
        String routed = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + Instant.now()
                + "\",\"leadId\":\"" + id + "\",\"agentId\":\"agent-1\",\"agentName\":\"王经理\",\"strategy\":\"town\","
                + "\"reason\":\"沙溪镇\",\"escalation\":false,\"previousAgentId\":null,\"newField\":true}";
        KafkaProbe.send(brokers, "lead.routed", id, routed);
        KafkaProbe.send(brokers, "lead.routed", id, routed);
        KafkaProbe.send(
                brokers,
                "notify.delivery",
                id,
                "{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\""
                        + Instant.now() + "\",\"deliveryId\":\"d1\",\"leadId\":\"" + id + "\",\"agentId\":\"agent-1\","
                        + "\"channel\":\"WECOM\",\"purpose\":\"NEW_LEAD\",\"status\":\"SENT\",\"attempt\":1,\"latencyMs\":120}");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> leads.findById(id).orElseThrow().getStatus() == LeadStatus.NOTIFIED);
        Lead lead = leads.findById(id).orElseThrow();
        assertThat(lead.getAssigneeId()).isEqualTo("agent-1");
        assertThat(lead.getNotifiedAt()).isNotNull();
        assertThat(lead.getTimeline().stream().filter(e -> e.type().equals("STATUS_CHANGED")))
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
        String id = capture(inquiry(uniquePhone(), ""));
        String brokers = broker.getBrokersAsString();
        String routed = "{\"eventId\":\"%s\",\"leadId\":\"" + id + "\",\"agentId\":\"%s\",\"agentName\":\"%s\","
                + "\"strategy\":\"%s\",\"escalation\":%s,\"previousAgentId\":%s}";
        KafkaProbe.send(
                brokers,
                "lead.routed",
                id,
                routed.formatted(UUID.randomUUID(), "agent-1", "王经理", "town", false, "null"));
        KafkaProbe.send(
                brokers,
                "notify.delivery",
                id,
                "{\"eventId\":\"" + UUID.randomUUID() + "\",\"leadId\":\"" + id
                        + "\",\"agentId\":\"agent-1\",\"channel\":\"SANDBOX\",\"purpose\":\"NEW_LEAD\",\"status\":\"SENT\"}");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> leads.findById(id).orElseThrow().getStatus() == LeadStatus.NOTIFIED);

        KafkaProbe.send(
                brokers,
                "lead.routed",
                id,
                routed.formatted(UUID.randomUUID(), "agent-2", "李经理", "escalation", true, "\"agent-1\""));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "agent-2".equals(leads.findById(id).orElseThrow().getAssigneeId()));

        assertThat(leads.findById(id).orElseThrow().getStatus()).isEqualTo(LeadStatus.NOTIFIED);
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
        assertThat(leads.findById(id).orElseThrow().getTimeline())
                .anySatisfy(e -> assertThat(e.detail()).startsWith("升级转派给 李经理"));
    }

    @Test
    void agentsSeeAndChangeOnlyTheirOwnLeadsAndManagersSeeAll() {
        String phone = uniquePhone();
        String id = capture(inquiry(phone, ",\"company\":\"中山精密制造有限公司\""));
        KafkaProbe.send(
                broker.getBrokersAsString(),
                "lead.routed",
                id,
                "{\"eventId\":\"" + UUID.randomUUID()
                        + "\",\"occurredAt\":\"" + Instant.now() + "\",\"leadId\":\"" + id
                        + "\",\"agentId\":\"agent-1\",\"agentName\":\"王经理\",\"strategy\":\"rr\",\"reason\":\"r\","
                        + "\"escalation\":false}");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "agent-1".equals(leads.findById(id).orElseThrow().getAssigneeId()));

        String agent1 = "Bearer agent-1-token";
        String agent2 = "Bearer agent-2-token";
        String manager = "Bearer manager-token";
        HttpResponse<String> own = http().get("/api/leads/" + id, "Authorization", agent1);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json.readTree(own.body()).get("phone").asString()).isEqualTo(phone);
        assertThat(json.readTree(own.body()).get("timeline")).isNotEmpty();

        assertThat(http().get("/api/leads/" + id, "Authorization", agent2).statusCode())
                .isEqualTo(404);
        assertThat(http().post("/api/agent/leads/" + id + "/ack", "{}", "Authorization", agent2)
                        .statusCode())
                .isEqualTo(404);
        assertThat(http().get("/api/leads/" + id).statusCode()).isEqualTo(401);
        assertThat(http().get("/api/leads/" + id, "Authorization", "Bearer forged")
                        .statusCode())
                .isEqualTo(401);
        assertThat(http().get("/api/leads", "Authorization", agent1).statusCode())
                .isEqualTo(403);

        assertThat(json.readTree(http().get("/api/agent/leads", "Authorization", agent1)
                                .body())
                        .valueStream()
                        .map(n -> n.get("id").asString()))
                .contains(id);
        assertThat(json.readTree(http().get("/api/agent/leads", "Authorization", agent2)
                                .body())
                        .valueStream()
                        .map(n -> n.get("id").asString()))
                .doesNotContain(id);

        HttpResponse<String> won =
                http().post("/api/agent/leads/" + id + "/status", "{\"status\":\"WON\"}", "Authorization", agent1);
        assertThat(won.statusCode()).isEqualTo(409);
        assertThat(json.readTree(won.body()).get("type").asString())
                .isEqualTo("https://zschangfang.cn/problems/conflict");

        HttpResponse<String> ack = http().post("/api/agent/leads/" + id + "/ack", "{}", "Authorization", agent1);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(json.readTree(ack.body()).get("status").asString()).isEqualTo("ACKNOWLEDGED");
        HttpResponse<String> contacted = http().post(
                        "/api/agent/leads/" + id + "/status",
                        "{\"status\":\"CONTACTED\",\"note\":\"已电话沟通\"}",
                        "Authorization",
                        agent1);
        assertThat(contacted.statusCode()).isEqualTo(200);
        HttpResponse<String> note =
                http().post("/api/agent/leads/" + id + "/notes", "{\"note\":\"周五看厂\"}", "Authorization", agent1);
        assertThat(json.readTree(note.body())
                        .get("timeline")
                        .valueStream()
                        .map(e -> e.get("detail").asString()))
                .contains("周五看厂");
        assertThat(published("lead.status-changed", id, 3))
                .extracting(r -> json.readTree(r.value()).get("status").asString())
                .containsExactly("ROUTED", "ACKNOWLEDGED", "CONTACTED");

        HttpResponse<String> list = http().get("/api/leads?town=沙溪&status=CONTACTED", "Authorization", manager);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode page = json.readTree(list.body());
        assertThat(page.get("items").valueStream().map(n -> n.get("id").asString()))
                .contains(id);
        assertThat(list.body()).doesNotContain(phone);

        HttpResponse<String> csv = http().get("/api/leads/export?status=CONTACTED", "Authorization", manager);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("\uFEFF").contains("中山精密制造有限公司").contains(phone);
    }

    @Test
    void adminErasesPersonalDataOnRequestAndRetentionPurgesOldLeads() {
        String phone = uniquePhone();
        String id = capture(inquiry(phone, ",\"message\":\"请联系我\""));
        assertThat(http().delete("/api/leads/" + id + "/personal-data", "Authorization", "Bearer manager-token")
                        .statusCode())
                .isEqualTo(403);
        assertThat(http().delete("/api/leads/" + id + "/personal-data", "Authorization", "Bearer it-admin-token")
                        .statusCode())
                .isEqualTo(204);
        assertThat(http().delete("/api/leads/nope/personal-data", "Authorization", "Bearer it-admin-token")
                        .statusCode())
                .isEqualTo(404);
        Lead erased = leads.findById(id).orElseThrow();
        assertThat(erased.getPhone()).isNull();
        assertThat(erased.getContactName()).isNull();
        assertThat(erased.getMessage()).isNull();
        assertThat(erased.getPersonalDataErasedAt()).isNotNull();
        assertThat(erased.getTimeline()).anySatisfy(e -> assertThat(e.type()).isEqualTo("PERSONAL_DATA_ERASED"));

        String oldId = capture(inquiry(uniquePhone(), ""));
        Lead old = leads.findById(oldId).orElseThrow();
        old.setReceivedAt(Instant.now().minus(Duration.ofDays(400)));
        leads.save(old);
        assertThat(personalData.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(leads.findById(oldId).orElseThrow().getPhone()).isNull();
    }

    @Test
    void browserSubmissionNeedsAFreshSolvedAltchaAndPassesHoneypotAndFillTime() throws Exception {
        String ip = "203.0.113." + PHONES.incrementAndGet() % 250;
        HttpResponse<String> challengeResponse = http().get("/api/leads/challenge");
        assertThat(challengeResponse.statusCode()).isEqualTo(200);
        JsonNode challenge = json.readTree(challengeResponse.body());
        Altcha.Solution solution = Altcha.solveChallenge(
                challenge.get("challenge").asString(),
                challenge.get("salt").asString(),
                Altcha.Algorithm.SHA256,
                challenge.get("maxnumber").asLong(),
                0);
        String payload = Base64.getEncoder()
                .encodeToString(("{\"algorithm\":\"SHA-256\",\"challenge\":\""
                                + challenge.get("challenge").asString()
                                + "\",\"number\":" + solution.number + ",\"salt\":\""
                                + challenge.get("salt").asString() + "\",\"signature\":\""
                                + challenge.get("signature").asString() + "\"}")
                        .getBytes());
        long started = System.currentTimeMillis() - 10_000;
        String browser = ",\"formStartedAt\":" + started + ",\"website\":\"\",\"altcha\":\"" + payload + "\"";

        HttpResponse<String> accepted =
                http().post("/api/leads", inquiry(uniquePhone(), browser), "X-Forwarded-For", ip);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(leads.findById(json.readTree(accepted.body()).get("id").asString())
                        .orElseThrow()
                        .getChannel())
                .isEqualTo("web");

        HttpResponse<String> replayed =
                http().post("/api/leads", inquiry(uniquePhone(), browser), "X-Forwarded-For", ip);
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(replayed.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("altcha");

        HttpResponse<String> bot = http().post(
                        "/api/leads",
                        inquiry(uniquePhone(), ",\"formStartedAt\":" + started + ",\"website\":\"http://spam\""),
                        "X-Forwarded-For",
                        ip);
        assertThat(json.readTree(bot.body()).get("type").asString())
                .isEqualTo("https://zschangfang.cn/problems/spam-suspected");

        HttpResponse<String> tooFast = http().post(
                        "/api/leads",
                        inquiry(uniquePhone(), ",\"formStartedAt\":" + System.currentTimeMillis()),
                        "X-Forwarded-For",
                        "198.51.100.7");
        assertThat(json.readTree(tooFast.body()).get("type").asString())
                .isEqualTo("https://zschangfang.cn/problems/spam-suspected");
    }

    @Test
    void rateLimitsAnswer429WithRetryAfterPerIpAndPerPhone() {
        String ip = "192.0.2.77";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(http().post("/api/leads", inquiry(uniquePhone(), ""), "X-Forwarded-For", ip)
                    .statusCode());
        }
        assertThat(statuses.subList(0, 4)).doesNotContain(429);
        HttpResponse<String> limited = http().post("/api/leads", inquiry(uniquePhone(), ""), "X-Forwarded-For", ip);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(json.readTree(limited.body()).get("type").asString())
                .isEqualTo("https://zschangfang.cn/problems/rate-limited");

        String phone = uniquePhone();
        int last = 0;
        for (int i = 0; i < 7; i++) {
            last = http().post("/api/leads", inquiry(phone, ""), "X-Api-Key", PARTNER_KEY)
                    .statusCode();
        }
        assertThat(last).isEqualTo(429);
    }

    @Test
    void phonesAndNamesNeverReachTheLogs(CapturedOutput output) {
        String phone = uniquePhone();
        String id = capture("{\"intent\":\"BUY\",\"propertyType\":\"LAND\",\"town\":\"火炬\",\"contactName\":\"欧阳娜娜\","
                + "\"phone\":\"" + phone + "\",\"consent\":true}");
        http().post(
                        "/api/leads",
                        inquiry(phone, "").replace("LEASE", "BUY").replace("FACTORY", "LAND"),
                        "X-Api-Key",
                        PARTNER_KEY);
        KafkaProbe.send(
                broker.getBrokersAsString(),
                "lead.routed",
                id,
                "{\"eventId\":\"" + UUID.randomUUID() + "\",\"leadId\":\"" + id
                        + "\",\"agentId\":\"agent-2\",\"agentName\":\"李经理\",\"strategy\":\"rr\"}");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> leads.findById(id).orElseThrow().getStatus() == LeadStatus.ROUTED);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> leads.findById(id).orElseThrow().getPendingEvents().isEmpty());

        assertThat(output.getAll()).contains(id).contains(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(output.getAll()).doesNotContain(phone).doesNotContain("欧阳娜娜");
    }

    @Test
    void prometheusShowsAcceptedRejectedDuplicatesAndOutboxGauges() {
        String phone = uniquePhone();
        capture(inquiry(phone, ""));
        http().post("/api/leads", inquiry(phone, ""), "X-Api-Key", PARTNER_KEY);
        http().post("/api/leads", "{\"intent\":\"LEASE\"}", "X-Api-Key", PARTNER_KEY);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = http().get("/actuator/prometheus").body();
            assertThat(metrics)
                    .contains("leads_accepted_total{channel=\"partner\"")
                    .contains("leads_rejected_total{reason=\"validation\"")
                    .contains("leads_duplicates_total")
                    .contains("leads_outbox_backlog")
                    .contains("leads_outbox_oldest_age_seconds");
        });
        assertThat(http().get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(http().get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(http().get("/v3/api-docs").body()).contains("/api/leads");
    }
}
