package cn.zschangfang.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.platform.test.KafkaProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Enrichment: what the visitor read before asking becomes the lead's interests and score. */
class EnrichmentIT extends LeadServiceITBase {

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
        assertThat(lead.interests().articles())
                .extracting(Lead.ArticleRef::slug)
                .containsExactly("torch-land", "xiaolan-park");
        assertThat(lead.interests().tags()).containsExactly("土地", "厂房");
        assertThat(lead.interests().towns()).containsExactlyInAnyOrder("火炬开发区", "小榄镇");
        assertThat(lead.scoreReasons()).contains("提交前阅读过2篇文章 +10");
        JsonNode event = json.readTree(published("lead.captured", id, 1).get(0).value());
        assertThat(event.get("interests").get("articles")).hasSize(2);
        assertThat(event.get("score").asInt()).isEqualTo(lead.score());
        HttpResponse<String> stats = http().get("/api/leads/stats", "Authorization", "Bearer it-admin-token");
        JsonNode conversion = json.readTree(stats.body()).get("articleConversion");
        assertThat(conversion.valueStream().filter(c -> c.get("slug").asString().equals("xiaolan-park")))
                .singleElement()
                .satisfies(c -> assertThat(c.get("views").asLong()).isEqualTo(1));
    }
}
