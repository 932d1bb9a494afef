package cn.zschangfang.content.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.content.support.Http;
import cn.zschangfang.content.support.ServiceIT;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Import(ViewPipelineIT.CrashHookConfig.class)
class ViewPipelineIT extends ServiceIT {

    /** Simulates a kill after the counter wrote a batch but before the offsets were committed. */
    @TestConfiguration
    static class CrashHookConfig {
        static final AtomicInteger crashesLeft = new AtomicInteger();
        static final AtomicInteger crashed = new AtomicInteger();

        @Bean
        BatchCommitHook crashBeforeCommit() {
            return batch -> {
                if (crashesLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    crashed.incrementAndGet();
                    throw new IllegalStateException("simulated crash between counting and offset commit");
                }
            };
        }
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    BindingsLifecycleController bindings;

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Environment environment;

    private void importArticle(String slug, String tag, long migratedViews) {
        String body = """
                [{"slug":"%s","title":"中山工业园 %s","body":"<p>正文 %s</p>","category":"中山产业信息",
                  "tags":["%s"],"views":%d}]
                """.formatted(slug, slug, slug, tag, migratedViews);
        assertThat(http().admin("POST", "/api/content/admin/import", body).statusCode())
                .isEqualTo(200);
    }

    private long views(String slug) {
        JsonNode node =
                json.readTree(http().get("/api/content/articles/" + slug).body());
        return node.get("views").asLong();
    }

    @Test
    void countIsExactAcrossConsumerRestartCrashBeforeCommitAndRedelivery() throws Exception {
        importArticle("exact-count-a", "exact", 36);
        importArticle("exact-count-b", "exact", 0);
        Http http = http();
        int perArticle = 0;

        // Phase 1: a first stream of distinct visitors on both articles.
        for (int i = 0; i < 150; i++) {
            assertThat(http.view("exact-count-a", "p1-" + i, Http.BROWSER).statusCode())
                    .isEqualTo(202);
            assertThat(http.view("exact-count-b", "p1-" + i, Http.BROWSER).statusCode())
                    .isEqualTo(202);
        }
        perArticle += 150;

        // Phase 2: kill the counter between writing and committing, three times in a row: the batches are
        // redelivered and written again.
        CrashHookConfig.crashesLeft.set(3);
        for (int i = 0; i < 150; i++) {
            http.view("exact-count-a", "p2-" + i, Http.BROWSER);
            http.view("exact-count-b", "p2-" + i, Http.BROWSER);
        }
        perArticle += 150;
        await().atMost(Duration.ofSeconds(30)).until(() -> CrashHookConfig.crashed.get() >= 3);
        // The crashed batches were not committed: they come again and every event in them is a known duplicate.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.counter("content.views.redelivered").count() >= 3);

        // A second member joins the counter's group (a rebalance), takes partitions, fetches records and dies
        // without committing (another rebalance): whatever it fetched must still be counted, once.
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "content-view-counter", false);
        try (Consumer<String, byte[]> intruder = new DefaultKafkaConsumerFactory<>(
                        props, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer()) {
            intruder.subscribe(List.of("content.article-viewed"));
            for (int i = 0; i < 60; i++) {
                http.view("exact-count-a", "p2b-" + i, Http.BROWSER);
                http.view("exact-count-b", "p2b-" + i, Http.BROWSER);
                intruder.poll(Duration.ofMillis(50));
            }
        }
        perArticle += 60;

        // Phase 3: stop the consumer mid-stream, keep producing, start it again.
        bindings.changeState("articleViewCounter-in-0", BindingsLifecycleController.State.STOPPED);
        for (int i = 0; i < 150; i++) {
            http.view("exact-count-a", "p3-" + i, Http.BROWSER);
            http.view("exact-count-b", "p3-" + i, Http.BROWSER);
        }
        perArticle += 150;
        bindings.changeState("articleViewCounter-in-0", BindingsLifecycleController.State.STARTED);

        // Phase 4: the broker delivers some events a second time (same eventIds, as after a producer retry or a
        // replay): read back what was published and publish it again.
        List<ConsumerRecord<String, byte[]>> published = readAll("redelivery-" + UUID.randomUUID());
        assertThat(published).hasSizeGreaterThanOrEqualTo(2 * perArticle);
        try (var producer = new DefaultKafkaProducerFactory<String, byte[]>(
                        Map.of("bootstrap.servers", broker.getBrokersAsString()),
                        new StringSerializer(),
                        new ByteArraySerializer())
                .createProducer()) {
            for (ConsumerRecord<String, byte[]> r : published.subList(0, 200)) {
                producer.send(new ProducerRecord<>(r.topic(), r.key(), r.value()));
            }
            producer.flush();
        }

        long expectedA = 36 + perArticle;
        long expectedB = perArticle;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(views("exact-count-a")).isEqualTo(expectedA);
            assertThat(views("exact-count-b")).isEqualTo(expectedB);
        });
        // And it stays exact once everything (including the redelivered copies) has been consumed.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(views("exact-count-a")).isEqualTo(expectedA);
            assertThat(views("exact-count-b")).isEqualTo(expectedB);
        });
        assertThat(CrashHookConfig.crashed.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void thousandDistinctVisitorsAddExactlyAThousandAndAThousandRepeatsAddOne() throws Exception {
        importArticle("thousand-visitors", "burst", 36);
        Http http = http();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String visitor = "burst-" + i;
                statuses.add(pool.submit(() ->
                        http.view("thousand-visitors", visitor, Http.BROWSER).statusCode()));
                statuses.add(pool.submit(() -> http.view("thousand-visitors", "the-same-one", Http.BROWSER)
                        .statusCode()));
            }
            for (var status : statuses) {
                assertThat(status.get()).isEqualTo(202);
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(views("thousand-visitors")).isEqualTo(36 + 1000 + 1));
        // And stays there: no redelivered or late beacon is counted twice.
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(views("thousand-visitors")).isEqualTo(36 + 1000 + 1));
    }

    @Test
    void oneVisitorCountsOnceWithinTheWindowAndBotsAreNotCounted() {
        importArticle("dedupe-and-bots", "dedupe", 5);
        Http http = http();
        for (int i = 0; i < 50; i++) {
            assertThat(http.view("dedupe-and-bots", "same-visitor", Http.BROWSER)
                            .statusCode())
                    .isEqualTo(202);
        }
        assertThat(http.view(
                                "dedupe-and-bots",
                                "crawler-1",
                                "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)")
                        .statusCode())
                .isEqualTo(202);
        http.view("dedupe-and-bots", "crawler-2", "Mozilla/5.0 (compatible; Googlebot/2.1)");
        http.post("/api/content/articles/dedupe-and-bots/views", "{\"visitorId\":\"no-agent\"}", "User-Agent", "");
        http.view("dedupe-and-bots", "other-visitor", Http.BROWSER);

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(views("dedupe-and-bots")).isEqualTo(7));
        String articleId = mongo.findOne(
                        Query.query(Criteria.where("slug").is("dedupe-and-bots")), org.bson.Document.class, "articles")
                .getString("_id");
        assertThat(mongo.count(Query.query(Criteria.where("articleId").is(articleId)), "views"))
                .isEqualTo(2);
    }

    @Test
    void publishedEventMatchesItsSchemaAndCarriesCloudEventsHeadersAndArticleKey() throws Exception {
        importArticle("schema-checked", "schema", 0);
        assertThat(http().post(
                                "/api/content/articles/schema-checked/views",
                                "{\"visitorId\":\"v-schema\",\"referrer\":\"https://www.baidu.com/\"}",
                                "User-Agent",
                                Http.BROWSER)
                        .statusCode())
                .isEqualTo(202);
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/contracts/content.article-viewed.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        }
        String articleId = mongo.findOne(
                        Query.query(Criteria.where("slug").is("schema-checked")), org.bson.Document.class, "articles")
                .getString("_id");
        List<ConsumerRecord<String, byte[]>> ours = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            ours.clear();
            for (ConsumerRecord<String, byte[]> r : readAll("schema-" + UUID.randomUUID())) {
                if (articleId.equals(r.key())) {
                    ours.add(r);
                }
            }
            assertThat(ours).hasSize(1);
        });
        ConsumerRecord<String, byte[]> record = ours.get(0);
        String payload = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(schema.validate(json.readTree(payload))).isEmpty();
        JsonNode event = json.readTree(payload);
        assertThat(event.get("slug").asString()).isEqualTo("schema-checked");
        assertThat(event.get("title").asString()).isEqualTo("中山工业园 schema-checked");
        assertThat(event.get("referrer").asString()).isEqualTo("https://www.baidu.com/");
        assertThat(header(record, "ce_id")).isEqualTo(event.get("eventId").asString());
        assertThat(header(record, "ce_source")).isEqualTo("urn:zschangfang:content-service");
        assertThat(header(record, "ce_type")).isEqualTo("cn.zschangfang.content.article-viewed.v1");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        // A payload that breaks the contract is rejected by the same schema (the check can fail).
        assertThat(schema.validate(json.readTree(payload.replace("\"slug\"", "\"Slug\""))))
                .isNotEmpty();
    }

    @Test
    void producerIsIdempotentWithAcksAll() {
        Binder config = Binder.get(environment);
        Map<String, String> producer = config.bind(
                        "spring.cloud.stream.kafka.binder.producer-properties",
                        Bindable.mapOf(String.class, String.class))
                .get();
        assertThat(producer).containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
        assertThat(config.bind("spring.cloud.stream.kafka.binder.required-acks", String.class)
                        .get())
                .isEqualTo("all");
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        assertThat(h).as(name).isNotNull();
        String value = new String(h.value(), StandardCharsets.UTF_8);
        // Header values written through the binder may be JSON-quoted strings.
        return value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String group) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, group, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(
                        props, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer()) {
            broker.consumeFromAnEmbeddedTopic(consumer, "content.article-viewed");
            KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(3)).forEach(out::add);
            // Drain: getRecords returns one poll; keep polling until the topic is exhausted.
            while (true) {
                var more = consumer.poll(Duration.ofMillis(500));
                if (more.isEmpty()) {
                    break;
                }
                more.forEach(out::add);
            }
        }
        return out;
    }
}
