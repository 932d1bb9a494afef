package cn.zschangfang.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Metrics: accepted, rejected, duplicates and the outbox backlog on /actuator/prometheus. */
class MetricsIT extends LeadServiceITBase {

    @Test
    void prometheusShowsAcceptedRejectedDuplicatesAndOutboxGauges() {
        String phone = uniquePhone();
        capture(inquiry(phone).json());
        http().post("/api/leads", inquiry(phone).json(), "X-Api-Key", PARTNER_KEY);
        http().post("/api/leads", "{\"intent\":\"LEASE\"}", "X-Api-Key", PARTNER_KEY);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = http().get("/actuator/prometheus").body();
            assertThat(metrics)
                    .contains("leads_accepted_total{channel=\"partner\"")
                    // by town (full name) and property type, for the leads dashboard
                    .containsPattern("leads_accepted_total\\{channel=\"partner\",town=\"\\p{IsHan}+\",type=\"[A-Z]+\"}")
                    .contains("leads_rejected_total{reason=\"validation\"")
                    .contains("leads_duplicates_total")
                    .contains("leads_outbox_backlog")
                    .contains("leads_outbox_oldest_age_seconds");
        });
        assertThat(http().get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(http().get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(http().get("/v3/api-docs").body()).contains("/api/leads", "\"title\":\"lead-service\"");
    }
}
