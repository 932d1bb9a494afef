package cn.zschangfang.content.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.content.support.Http;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What counted views feed: the stats dashboards and the actuator's metrics; what actuator and OpenAPI expose. */
class ArticleFiguresIT extends ArticleApiITBase {

    @Test
    void statsEndpointsServeDashboards() {
        http.view("nanqu-shuchong-industrial-park-plan", "stats-1", Http.BROWSER);
        http.view("nanqu-shuchong-industrial-park-plan", "stats-2", Http.BROWSER);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(http.get("/api/content/stats/top?window=1h&limit=50")
                                .body())
                        .contains("nanqu-shuchong-industrial-park-plan"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode traffic = body(http.get("/api/content/stats/traffic?minutes=5"));
            assertThat(traffic.get("series")).hasSize(5);
            assertThat(traffic.get("total").asLong()).isGreaterThanOrEqualTo(2);
        });
        JsonNode visitors = body(http.get("/api/content/stats/visitors?days=1"));
        assertThat(visitors.get("series").get(0).get("visitors").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(body(http.get("/api/content/stats/top?window=2h"))
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("window");
        assertThat(http.get("/api/content/stats/traffic?minutes=0").statusCode())
                .isEqualTo(400);
    }

    @Test
    void actuatorExposesOnlyHealthInfoAndPrometheusWithViewMetricsAndOpenApi() {
        assertThat(http.get("/actuator/health/readiness").body()).contains("UP");
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        http.view(SEED, "metrics-visitor", Http.BROWSER);
        http.view(SEED, "metrics-visitor", Http.BROWSER);
        http.view(SEED, "metrics-bot", "Googlebot/2.1");
        String prometheus = http.get("/actuator/prometheus").body();
        assertThat(prometheus)
                .contains("content_views_accepted_total")
                .contains("content_views_deduplicated_total")
                .contains("content_views_bots_total")
                .contains("spring_cloud_stream_binder_kafka_offset");
        assertThat(http.get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(http.get("/actuator/beans").statusCode()).isEqualTo(404);
        assertThat(http.get("/v3/api-docs").body())
                .contains("/api/content/articles/{slug}/views", "\"title\":\"content-service\"")
                .as("the article's JSON is written by its cache, and the document still names its schema")
                .contains("#/components/schemas/ArticleResponse");
    }
}
