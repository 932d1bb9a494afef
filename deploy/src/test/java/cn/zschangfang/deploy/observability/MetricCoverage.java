package cn.zschangfang.deploy.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Which metric names the queries select that no scrape exposes, each with the queries that name it. */
final class MetricCoverage {

    /**
     * Series Prometheus writes itself for every target rather than scraping them: the alert on a service that is
     * down is built on it, and no service can expose it.
     */
    static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private MetricCoverage() {}

    /**
     * @param exposed sample names of the services' scrapes
     * @param recorded names that recording rules define (available once their own queries are)
     */
    static Map<String, List<String>> missing(
            List<ObservabilityFiles.Query> queries, Set<String> exposed, Set<String> recorded) {
        Map<String, List<String>> missing = new TreeMap<>();
        for (ObservabilityFiles.Query query : queries) {
            for (String name : PromQl.metricNames(query.expr())) {
                if (!exposed.contains(name) && !recorded.contains(name) && !PROMETHEUS_OWN.contains(name)) {
                    missing.computeIfAbsent(name, n -> new ArrayList<>()).add(query.origin());
                }
            }
        }
        return missing;
    }

    /** Sample names of a Prometheus text exposition ({@code name{labels} value} or {@code name value}). */
    static Set<String> sampleNames(String exposition) {
        Set<String> names = new java.util.TreeSet<>();
        for (String line : exposition.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < l.length() && l.charAt(end) != '{' && l.charAt(end) != ' ') {
                end++;
            }
            names.add(l.substring(0, end));
        }
        return names;
    }
}
