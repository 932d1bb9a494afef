package cn.zschangfang.deploy.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The Grafana dashboards and Prometheus rule files of deploy/observability, read as the tests need them. */
final class ObservabilityFiles {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** One query of a dashboard panel or a rule, with where it comes from for failure messages. */
    record Query(String origin, String expr) {}

    /** A rule of a rule file: {@code alert} or {@code record} is its name. */
    record Rule(Path file, String alert, String record, String expr, JsonNode labels, JsonNode annotations) {}

    private ObservabilityFiles() {}

    static Path root() {
        Path project = Path.of(System.getProperty("deploy.project-dir", ".."))
                .toAbsolutePath()
                .normalize();
        return project.resolve("deploy/observability");
    }

    static List<Path> dashboards() {
        return list(root().resolve("grafana/dashboards"), ".json");
    }

    static List<Path> ruleFiles() {
        return list(root().resolve("prometheus/rules"), ".yml");
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every panel, those nested in rows included, rows themselves excluded. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        collect(dashboard.path("panels"), out);
        return out;
    }

    private static void collect(JsonNode panels, List<JsonNode> out) {
        for (JsonNode panel : panels) {
            if ("row".equals(panel.path("type").asString())) {
                collect(panel.path("panels"), out);
            } else {
                out.add(panel);
            }
        }
    }

    static List<Query> dashboardQueries() {
        List<Query> queries = new ArrayList<>();
        for (Path file : dashboards()) {
            for (JsonNode panel : panels(readJson(file))) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new Query(
                            file.getFileName() + " · " + panel.path("title").asString() + " · "
                                    + target.path("refId").asString(),
                            target.path("expr").asString()));
                }
            }
        }
        return queries;
    }

    static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (Path file : ruleFiles()) {
            JsonNode doc;
            try {
                doc = YAML.readTree(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (JsonNode group : doc.path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    rules.add(new Rule(
                            file,
                            textOrNull(rule.path("alert")),
                            textOrNull(rule.path("record")),
                            rule.path("expr").asString(),
                            rule.path("labels"),
                            rule.path("annotations")));
                }
            }
        }
        return rules;
    }

    static List<Query> ruleQueries() {
        return rules().stream()
                .map(r -> new Query(
                        r.file().getFileName() + " · " + (r.alert() != null ? r.alert() : r.record()), r.expr()))
                .toList();
    }

    static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
