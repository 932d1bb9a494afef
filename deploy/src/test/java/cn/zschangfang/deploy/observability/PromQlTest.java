package cn.zschangfang.deploy.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void histogramQuantileWithGroupingAndGrafanaInterval() {
        assertThat(PromQl.metricNames(
                        "histogram_quantile(0.99, sum by (le) (rate(notify_lead_time_to_first_delivery_seconds_bucket"
                                + "{job=\"notify-service\", uri!~\"/actuator.*\"}[$__rate_interval])))"))
                .containsExactly("notify_lead_time_to_first_delivery_seconds_bucket");
    }

    @Test
    void binaryOperatorsWithMatchingClausesKeepBothSides() {
        assertThat(PromQl.metricNames("sum without (instance) (rate(a_sum[5m])) / on (job) group_left (version) "
                        + "sum by (job) (rate(a_count[1h30m] offset 5m)) > bool 0.5 unless ignoring(x) b"))
                .containsExactlyInAnyOrder("a_sum", "a_count", "b");
    }

    @Test
    void functionsNumbersDurationsAndKeywordsAreNotNames() {
        assertThat(PromQl.metricNames("(sum(increase(leads_accepted_total[15m])) > 0) and on () "
                        + "(hour(vector(time() + 8 * 3600)) >= 9 < 18) or absent(up{job=\"gateway\"}) * 1e3 + Inf"))
                .containsExactlyInAnyOrder("leads_accepted_total", "up");
    }

    @Test
    void identifiersInsideStringsAndLabelMatchersAreNotNames() {
        assertThat(PromQl.metricNames(
                        "sum by (channel) (increase(notify_deliveries_total{channel=~\"WECOM|sum(x)\", outcome=\"SENT\"}"
                                + "[10m])) + label_replace(y, \"dst\", \"$1\", \"src\", \"(.*)\")"))
                .containsExactlyInAnyOrder("notify_deliveries_total", "y");
    }

    @Test
    void aNameGivenAsNameLabelCountsAndARegexOverNamesIsRefused() {
        assertThat(PromQl.metricNames("{__name__=\"process_cpu_usage\", job=\"site\"}"))
                .containsExactly("process_cpu_usage");
        assertThatThrownBy(() -> PromQl.metricNames("{__name__=~\"jvm_.*\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void grafanaTemplateVariablesAreValuesNotNames() {
        assertThat(PromQl.metricNames(
                        "sum(rate(http_server_requests_seconds_count{job=~\"$job\"}[$__interval])) " + "/ ${scale}"))
                .containsExactly("http_server_requests_seconds_count");
    }
}
