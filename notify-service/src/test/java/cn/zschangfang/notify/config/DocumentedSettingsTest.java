package cn.zschangfang.notify.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zschangfang.notify.agent.AgentSeeds;
import cn.zschangfang.notify.routing.RoutingProperties;
import cn.zschangfang.notify.routing.RoutingStrategy;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Every variable docs/architecture.md lists for notify is read by application.yml and, set to its documented
 * value, binds to the typed configuration; every value the doc names for ROUTING_STRATEGY is accepted, and a
 * misspelt one stops start-up naming the variable and the allowed values.
 */
class DocumentedSettingsTest {

    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");

    /** One row of the doc's configuration table. */
    record Row(List<String> variables, List<String> defaults, String line) {}

    static List<Row> notifyRows() throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("../docs/architecture.md"))) {
            if (line.startsWith("## ")) {
                inTable = line.startsWith("## Configuration");
            }
            String[] cells = line.split("\\|");
            if (!inTable || cells.length < 5 || !cells[1].contains("`")) {
                continue;
            }
            String usedBy = cells[2].trim();
            boolean notify = usedBy.startsWith("all") || (usedBy.matches(".*\\bnotify\\b.*") && !usedBy.contains("→"));
            if (notify) {
                rows.add(new Row(ticked(cells[1]), ticked(cells[3]), line));
            }
        }
        return rows;
    }

    private static List<String> ticked(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = TICKED.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static String yaml() throws IOException {
        return new String(new ClassPathResource("application.yml").getContentAsByteArray(), "UTF-8")
                + new String(new ClassPathResource("application-local.yml").getContentAsByteArray(), "UTF-8");
    }

    static StandardEnvironment environment(Map<String, Object> variables) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        for (PropertySource<?> source :
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
            env.getPropertySources().addLast(source);
        }
        return env;
    }

    /** Binds as Spring Boot does for {@code @Validated @ConfigurationProperties}: converted, then validated. */
    static void bindAll(StandardEnvironment env) {
        Binder binder = Binder.get(env);
        var validator = new ValidationBindHandler(new SpringValidatorAdapter(
                Validation.buildDefaultValidatorFactory().getValidator()));
        binder.bindOrCreate("notify", Bindable.of(NotifyProperties.class), validator);
        binder.bindOrCreate("notify.routing", Bindable.of(RoutingProperties.class), validator);
        binder.bindOrCreate("notify", Bindable.of(AgentSeeds.class), validator);
    }

    @Test
    void everyDocumentedNotifyVariableIsReadAndBindsAtItsDocumentedDefault() throws IOException {
        List<Row> rows = notifyRows();
        assertThat(rows.stream().flatMap(r -> r.variables().stream()))
                .contains("ROUTING_STRATEGY", "DUTY_MANAGER_ID", "ESCALATE_AFTER", "PUBLIC_BASE_URL");
        String yaml = yaml();
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Row row : rows) {
            for (int i = 0; i < row.variables().size(); i++) {
                String variable = row.variables().get(i);
                if (variable.equals("SPRING_PROFILES_ACTIVE")) {
                    continue; // Spring Boot's own
                }
                assertThat(yaml).as(variable + " is documented but not read").contains("${" + variable);
                if (row.defaults().size() == row.variables().size()) {
                    variables.put(variable, row.defaults().get(i));
                }
            }
        }
        assertThat(variables).containsKeys("ROUTING_STRATEGY", "ESCALATE_AFTER", "PUBLIC_BASE_URL");
        StandardEnvironment env = environment(variables);
        bindAll(env);
        assertThat(Binder.get(env)
                        .bindOrCreate("notify.routing", RoutingProperties.class)
                        .strategy()
                        .name())
                .isEqualTo(variables.get("ROUTING_STRATEGY"));
    }

    @Test
    void everyRoutingStrategyTheDocNamesBindsAndEveryStrategyIsDocumented() throws IOException {
        Row row = notifyRows().stream()
                .filter(r -> r.variables().contains("ROUTING_STRATEGY"))
                .findFirst()
                .orElseThrow();
        List<String> named =
                ticked(row.line()).stream().filter(t -> t.matches("[A-Z_]+")).toList();
        for (RoutingStrategy s : RoutingStrategy.values()) {
            assertThat(named).as("docs name " + s).contains(s.name());
        }
        for (String value : named) {
            if (row.variables().contains(value)) {
                continue;
            }
            Map<String, Object> vars = new HashMap<>(Map.of("ROUTING_STRATEGY", value));
            assertThat(Binder.get(environment(vars))
                            .bindOrCreate("notify.routing", RoutingProperties.class)
                            .strategy()
                            .name())
                    .isEqualTo(value);
        }
    }

    @Test
    void aMisspeltStrategyStopsStartUpNamingTheVariableAndTheAllowedValues() throws IOException {
        StandardEnvironment env = environment(Map.of("ROUTING_STRATEGY", "LEAST_OPEN_LEADS"));
        assertThatThrownBy(() -> bindAll(env)).isInstanceOf(BindException.class).satisfies(e -> {
            FailureAnalysis analysis = new SettingsFailureAnalyzer().analyze(e);
            assertThat(analysis.getDescription()).contains("ROUTING_STRATEGY", "LEAST_OPEN_LEADS");
            assertThat(analysis.getAction())
                    .contains("ROUTING_STRATEGY", "WEIGHTED_ROUND_ROBIN, LEAST_OPEN, SHARED_POOL");
        });
    }

    @Test
    void outOfRangeValuesAreRefusedAtStartUp() throws IOException {
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("notify.delivery.robot-limit-per-minute", "25"),
                Map.<String, Object>of("notify.delivery.max-attempts", "0"),
                Map.<String, Object>of("ESCALATE_AFTER", "-5m"),
                Map.<String, Object>of("PUBLIC_BASE_URL", "portal.example"))) {
            assertThatThrownBy(() -> bindAll(environment(bad)))
                    .as(bad.toString())
                    .isInstanceOf(BindException.class);
        }
    }
}
