package cn.zschangfang.content.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.content.ContentServiceApplication;
import cn.zschangfang.content.support.Http;
import cn.zschangfang.content.support.ServiceIT;
import cn.zschangfang.platform.test.KafkaProbe;
import cn.zschangfang.platform.test.MongoWireServer;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two content-service instances on one broker and one database: an edit made through the first is served by the
 * second within 1 s, although the second answers repeated reads from its cache (proven by counting its MongoDB
 * queries), with version ETags and 304s; listings likewise. Also the contract of the two change topics, read back
 * from the broker.
 */
class ReadCacheIT extends ServiceIT {

    /** Finds by slug of published articles / listings: what a cache miss costs, not the 1 s view-count reads. */
    private static final AtomicInteger SECOND_ARTICLE_LOADS = new AtomicInteger();

    private static final AtomicInteger SECOND_LISTING_LOADS = new AtomicInteger();
    private static ConfigurableApplicationContext second;

    @Autowired
    JsonMapper json;

    @Autowired
    ChangeFeed feed;

    private Http first;
    private Http other;

    @BeforeEach
    void twoInstances() {
        // Started here, not in @BeforeAll: the embedded broker comes up with the first context.
        if (second == null) {
            second = new SpringApplicationBuilder(ContentServiceApplication.class)
                    .profiles("test")
                    .initializers(ctx -> ((GenericApplicationContext) ctx)
                            .registerBean(
                                    MongoClientSettingsBuilderCustomizer.class,
                                    () -> b -> b.addCommandListener(counting())))
                    // Arguments, not default properties: application.yml's ${SERVER_PORT:8081} would win over those.
                    .run(
                            "--server.port=0",
                            "--spring.mongodb.uri=" + MongoWireServer.uri("content-it"),
                            "--spring.cloud.stream.kafka.binder.brokers=" + brokers(),
                            "--content.listings.notify-url=http://127.0.0.1:9");
        }
        first = http();
        other = new Http(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        feed.isFollowing() && second.getBean(ChangeFeed.class).isFollowing());
    }

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void anArticleEditedOnOneInstanceIsFreshOnTheOtherWithinOneSecond() throws IOException {
        assertThat(first.admin("POST", "/api/content/admin/articles", article("cache-edit", "第一版"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(first.admin("POST", "/api/content/admin/articles/cache-edit/publish", null)
                        .statusCode())
                .isEqualTo(200);
        withinOneSecond(() -> other.get("/api/content/articles/cache-edit").statusCode() == 200);

        HttpResponse<String> read = other.get("/api/content/articles/cache-edit");
        int loads = SECOND_ARTICLE_LOADS.get();
        HttpResponse<String> again = other.get("/api/content/articles/cache-edit");
        assertThat(SECOND_ARTICLE_LOADS.get())
                .as("second read served from the cache")
                .isEqualTo(loads);
        assertThat(again.body()).isEqualTo(read.body());
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("W/\"");
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(read.headers().firstValue("Cache-Control")).hasValue("max-age=1, public");
        HttpResponse<String> notModified = other.get("/api/content/articles/cache-edit", "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        // Both instances computed the same version from the same content: a client moving between them gets a 304.
        assertThat(first.get("/api/content/articles/cache-edit", "If-None-Match", etag)
                        .statusCode())
                .isEqualTo(304);

        HttpResponse<String> edit =
                first.admin("PUT", "/api/content/admin/articles/cache-edit", article("cache-edit", "第二版"));
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        // The writing instance evicted before answering: no wait at all.
        assertThat(title(first.get("/api/content/articles/cache-edit"))).isEqualTo("第二版");
        withinOneSecond(() -> "第二版".equals(title(other.get("/api/content/articles/cache-edit"))));
        assertThat(other.get("/api/content/articles/cache-edit", "If-None-Match", etag)
                        .statusCode())
                .as("the old version no longer matches")
                .isEqualTo(200);

        assertThat(first.admin("POST", "/api/content/admin/articles/cache-edit/unpublish", null)
                        .statusCode())
                .isEqualTo(200);
        withinOneSecond(() -> other.get("/api/content/articles/cache-edit").statusCode() == 404);
    }

    @Test
    void aListingEditedOnOneInstanceIsFreshOnTheOtherWithinOneSecond() {
        HttpResponse<String> created =
                first.admin("POST", "/api/content/admin/listings", listing("cache-listing", 630));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).path("id").asString();
        first.admin("POST", "/api/content/admin/listings/" + id + "/status", "{\"status\":\"PENDING_REVIEW\"}");
        first.admin("POST", "/api/content/admin/listings/" + id + "/status", "{\"status\":\"PUBLISHED\"}");
        withinOneSecond(() -> other.get("/api/content/listings/cache-listing").statusCode() == 200);
        String search = "/api/content/listings?town=%E5%B0%8F%E6%A6%84&minPower=600";
        assertThat(other.get(search).body()).contains("cache-listing");
        int loads = SECOND_LISTING_LOADS.get();
        HttpResponse<String> cached = other.get("/api/content/listings/cache-listing");
        assertThat(other.get(search).body()).contains("cache-listing");
        assertThat(SECOND_LISTING_LOADS.get()).as("served from the cache").isEqualTo(loads);
        String etag = cached.headers().firstValue("ETag").orElseThrow();
        assertThat(other.get("/api/content/listings/cache-listing", "If-None-Match", etag)
                        .statusCode())
                .isEqualTo(304);

        HttpResponse<String> edit =
                first.admin("PUT", "/api/content/admin/listings/" + id, listing("cache-listing", 400));
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        withinOneSecond(() ->
                json.readTree(other.get("/api/content/listings/cache-listing").body())
                                .path("powerKva")
                                .asInt()
                        == 400);
        assertThat(other.get(search).body())
                .as("the search cache was dropped too")
                .doesNotContain("cache-listing");
    }

    @Test
    void theChangeTopicsCarryWhatTheirSchemasSay() throws IOException {
        first.admin("POST", "/api/content/admin/articles", article("cache-contract", "契约"));
        String articleId = json.readTree(first.admin("GET", "/api/content/admin/articles/cache-contract", null)
                        .body())
                .path("id")
                .asString();
        ConsumerRecord<String, String> changed = one("content.article-changed", articleId);
        assertThat(schema("content.article-changed").validate(json.readTree(changed.value())))
                .isEmpty();
        JsonNode event = json.readTree(changed.value());
        assertThat(event.path("slug").asString()).isEqualTo("cache-contract");
        assertThat(event.path("change").asString()).isEqualTo("CREATED");
        assertCloudEvent(changed, "cn.zschangfang.content.article-changed.v1", event);
        // The check can fail: a payload that breaks the contract is rejected by the same schema.
        assertThat(schema("content.article-changed")
                        .validate(json.readTree(changed.value().replace("CREATED", "RENAMED"))))
                .isNotEmpty();

        HttpResponse<String> created = first.admin("POST", "/api/content/admin/listings", listing("cache-contract", 1));
        String listingId = json.readTree(created.body()).path("id").asString();
        ConsumerRecord<String, String> refreshed = one("content.listing-refreshed", listingId);
        assertThat(schema("content.listing-refreshed").validate(json.readTree(refreshed.value())))
                .isEmpty();
        JsonNode listingEvent = json.readTree(refreshed.value());
        assertThat(listingEvent.path("change").asString()).isEqualTo("CREATED");
        assertCloudEvent(refreshed, "cn.zschangfang.content.listing-refreshed.v1", listingEvent);
    }

    private static void assertCloudEvent(ConsumerRecord<String, String> record, String type, JsonNode event) {
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo(type);
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("urn:zschangfang:content-service");
        assertThat(KafkaProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaProbe.header(record, "ce_id"))
                .isEqualTo(event.path("eventId").asString());
    }

    /** The freshness promise checked here: the other instance sees a change within one second. */
    private static void withinOneSecond(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .until(condition);
    }

    private ConsumerRecord<String, String> one(String topic, String key) {
        List<ConsumerRecord<String, String>> found =
                KafkaProbe.read(brokers(), topic, r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(found).as("%s for %s", topic, key).isNotEmpty();
        return found.get(0);
    }

    private static Schema schema(String topic) throws IOException {
        try (InputStream in = ReadCacheIT.class.getResourceAsStream("/contracts/" + topic + ".schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        }
    }

    private String title(HttpResponse<String> r) {
        return r.statusCode() == 200 ? json.readTree(r.body()).path("title").asString() : null;
    }

    private static String brokers() {
        return System.getProperty("spring.embedded.kafka.brokers");
    }

    private static String article(String slug, String title) {
        return """
                {"slug":"%s","title":"%s","body":"<p>正文</p>","category":"缓存测试","tags":["缓存"]}
                """.formatted(slug, title);
    }

    private static String listing(String slug, int powerKva) {
        return """
                {"slug":"%s","title":"缓存厂房","deal":"LEASE","propertyType":"STANDARD_FACTORY","town":"小榄",
                 "buildingAreaTotal":3200,"agentId":"demo-liwei","powerKva":%d}
                """.formatted(slug, powerKva);
    }

    /** Counts the second instance's queries that a cache hit avoids. */
    private static CommandListener counting() {
        return new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (!"find".equals(event.getCommandName())) {
                    return;
                }
                BsonDocument command = event.getCommand();
                String collection = command.getString("find").getValue();
                BsonDocument filter = command.getDocument("filter", new BsonDocument());
                boolean bySlug = filter.containsKey("status") && filter.isString("slug");
                if ("articles".equals(collection) && bySlug) {
                    SECOND_ARTICLE_LOADS.incrementAndGet();
                } else if ("listings".equals(collection) && filter.containsKey("status")) {
                    SECOND_LISTING_LOADS.incrementAndGet();
                }
            }
        };
    }
}
