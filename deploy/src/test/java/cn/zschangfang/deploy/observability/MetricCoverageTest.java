package cn.zschangfang.deploy.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricCoverageTest {

    private static final String SCRAPE = """
            # HELP leads_accepted_total New leads stored
            # TYPE leads_accepted_total counter
            leads_accepted_total{channel="local",town="沙溪镇",type="FACTORY"} 1.0
            # TYPE notify_lead_time_to_first_delivery_seconds histogram
            notify_lead_time_to_first_delivery_seconds_bucket{le="0.01"} 0
            notify_lead_time_to_first_delivery_seconds_count 1
            notify_lead_time_to_first_delivery_seconds_sum 0.4
            process_uptime_seconds 12.5
            """;

    @Test
    void sampleNamesAreReadWithTheirSuffixes() {
        assertThat(MetricCoverage.sampleNames(SCRAPE))
                .containsExactlyInAnyOrder(
                        "leads_accepted_total",
                        "notify_lead_time_to_first_delivery_seconds_bucket",
                        "notify_lead_time_to_first_delivery_seconds_count",
                        "notify_lead_time_to_first_delivery_seconds_sum",
                        "process_uptime_seconds");
    }

    @Test
    void aMisspeltMetricIsMissingWithTheQueryThatNamesIt() {
        var queries = List.of(
                new ObservabilityFiles.Query(
                        "leads.json · by town · A", "sum by (town) (increase(leads_acepted_total[1h]))"),
                new ObservabilityFiles.Query(
                        "leads.json · p99 · A",
                        "histogram_quantile(0.99, sum by (le) (rate(notify_lead_time_to_first_delivery_seconds_bucket[5m])))"),
                new ObservabilityFiles.Query("rules · ServiceDown", "up == 0"),
                new ObservabilityFiles.Query("rules · Derived", "job:leads:rate5m > 1"));

        assertThat(MetricCoverage.missing(queries, MetricCoverage.sampleNames(SCRAPE), Set.of("job:leads:rate5m")))
                .containsOnlyKeys("leads_acepted_total")
                .containsEntry("leads_acepted_total", List.of("leads.json · by town · A"));
    }

    @Test
    void aHistogramQueriedWithoutItsSuffixIsMissing() {
        // the family name of a histogram has no samples of its own: a query must name _bucket, _count or _sum
        var queries =
                List.of(new ObservabilityFiles.Query("q", "rate(notify_lead_time_to_first_delivery_seconds[5m])"));

        assertThat(MetricCoverage.missing(queries, MetricCoverage.sampleNames(SCRAPE), Set.of()))
                .containsOnlyKeys("notify_lead_time_to_first_delivery_seconds");
    }
}
