package cn.zschangfang.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zschangfang.notify.support.NotifyIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ObservabilityIT extends NotifyIntegrationTest {

    @Test
    void deliveryMetricsAreScrapedByPrometheus() throws Exception {
        leadToNewAgent("神湾镇", "指标");

        // the SENT record and its metric follow the robot's answer; generous for two loaded cores
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = get("/actuator/prometheus").body();
            assertThat(metrics)
                    .contains("notify_lead_time_to_first_delivery_seconds_bucket")
                    // percentiles come from the buckets (histogram_quantile); Prometheus takes no client quantiles
                    .containsPattern("notify_lead_time_to_first_delivery_seconds_count [1-9]")
                    .containsPattern("notify_deliveries_total\\{.*channel=\"WECOM\".*outcome=\"SENT\".*} [1-9]")
                    .contains("notify_dlq_size");
        });
    }

    @Test
    void timeToAcknowledgeIsRecordedOnceWhenTheAgentTapsTheLink() throws Exception {
        String ack = ackPath(leadToNewAgent("坦洲镇", "确认"));
        long before = acknowledgements();

        assertThat(get(ack).statusCode()).isEqualTo(200);
        assertThat(get(ack).statusCode()).isEqualTo(200); // a second tap changes nothing

        assertThat(acknowledgements()).isEqualTo(before + 1);
    }

    private long acknowledgements() throws Exception {
        Matcher count = Pattern.compile("(?m)^notify_lead_time_to_acknowledge_seconds_count(?:\\{[^}]*})? ([0-9.]+)$")
                .matcher(get("/actuator/prometheus").body());
        assertThat(count.find())
                .as("notify_lead_time_to_acknowledge_seconds_count")
                .isTrue();
        return (long) Double.parseDouble(count.group(1));
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposedAndProbesWork() throws Exception {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        // ready once the lead.captured consumer owns its partitions
        await().atMost(Duration.ofSeconds(15))
                .until(() -> get("/actuator/health/readiness").statusCode() == 200);
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/beans").statusCode()).isEqualTo(404);
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body())
                .contains("/api/notify/agents", "/ack/{token}", "/internal/auth/agent", "\"title\":\"notify-service\"");
    }
}
