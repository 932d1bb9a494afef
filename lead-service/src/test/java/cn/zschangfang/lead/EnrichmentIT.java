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

    /** content-service's view event for article {@code a<article>}, keyed by it, with a field lead-service ignores. */
    private void articleViewed(
            String eventId, Instant at, int article, String slug, String title, String tag, String visitor) {
        String viewed =
                "{\"eventId\":\"%s\",\"occurredAt\":\"%s\",\"articleId\":\"a%s\",\"slug\":\"%s\",\"title\":\"%s\","
                        + "\"category\":\"园区\",\"tags\":[\"%s\"],\"visitorId\":\"%s\",\"referrer\":null,\"unknownField\":42}";
        KafkaProbe.send(
                broker.getBrokersAsString(),
                "content.article-viewed",
                "a" + article,
                viewed.formatted(eventId, at, article, slug, title, tag, visitor));
    }

    @Test
    void readingHistoryIsAttachedAsInterestsAndRaisesTheScore() {
        String visitor = "visitor-" + UUID.randomUUID();
        String firstEventId = UUID.randomUUID().toString();
        Instant minuteAgo = Instant.now().minusSeconds(60);
        articleViewed(firstEventId, minuteAgo, 1, "xiaolan-park", "小榄工业园招商", "厂房", visitor);
        // Redelivery of the same event must not count twice.
        articleViewed(firstEventId, minuteAgo, 1, "xiaolan-park", "小榄工业园招商", "厂房", visitor);
        articleViewed(
                UUID.randomUUID().toString(),
                Instant.now().minusSeconds(30),
                2,
                "torch-land",
                "火炬开发区工业用地",
                "土地",
                visitor);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> stats = http().get("/api/leads/stats", "Authorization", "Bearer it-admin-token");
            assertThat(stats.body()).contains("torch-land");
        });

        String id = capture(inquiry(uniquePhone()).visitorId(visitor).json());

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
