package cn.zschangfang.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the configuration table of docs/architecture.md and checks, for each variable the doc lists for one service,
 * that setting it in the environment changes a property the service really reads: a key of its application.yml that
 * resolves to the variable's value and is either one of Spring's documented properties (configuration metadata on the
 * class path) or a component of one of the service's own {@code @ConfigurationProperties} records.
 */
public final class DocumentedVariables {

    private static final Pattern VARIABLE = Pattern.compile("`([A-Z0-9_<>.]+)`");

    private final String service;
    private final Map<String, Class<? extends Record>> records;
    private final Set<String> metadata = loadMetadata();

    /**
     * @param service the short name the doc's "used by" column gives the service ({@code lead}, {@code gateway} …)
     * @param records the service's own configuration records by prefix
     */
    public DocumentedVariables(String service, Map<String, Class<? extends Record>> records) {
        this.service = service;
        this.records = records;
    }

    /** Variables of this service, with whether the doc marks them as profile {@code local} only. */
    public Map<String, Boolean> fromDoc(Set<String> routeIds) {
        Map<String, Boolean> variables = new java.util.LinkedHashMap<>();
        List<String> lines = readDoc();
        int start = lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("## Configuration"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("docs/architecture.md has no '## Configuration' section")));
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            String[] cells = line.split("\\|");
            if (cells.length < 3 || !cells[1].contains("`")) {
                continue;
            }
            String usedBy = cells[2].toLowerCase(Locale.ROOT);
            if (!Pattern.compile("\\b(all|" + service + ")\\b").matcher(usedBy).find()) {
                continue;
            }
            boolean localOnly = usedBy.contains("`local` only");
            String previous = null;
            Matcher m = VARIABLE.matcher(cells[1]);
            while (m.find()) {
                String name = m.group(1);
                if (name.startsWith("...") && previous != null) {
                    name = previous.substring(0, previous.lastIndexOf('_')) + name.substring(3);
                }
                previous = name;
                if (name.contains("<ROUTE>")) {
                    for (String route : routeIds) {
                        variables.put(name.replace("<ROUTE>", route.toUpperCase(Locale.ROOT)), localOnly);
                    }
                } else {
                    variables.put(name, localOnly);
                }
            }
        }
        assertThat(variables)
                .as("variables docs/architecture.md lists for " + service)
                .isNotEmpty();
        return variables;
    }

    /**
     * Every variable the doc lists for this service sets a property the service reads; all that do not are named in
     * one failure.
     *
     * @param routeIds the ids a variable's {@code <ROUTE>} placeholder stands for (gateway), else empty
     */
    public void assertEachSetsAProperty(Set<String> routeIds) {
        SoftAssertions softly = new SoftAssertions();
        fromDoc(routeIds)
                .forEach((variable, localOnly) -> softly.assertThat(propertiesSetBy(variable, localOnly))
                        .as("%s (docs/architecture.md) sets no property that %s reads", variable, service)
                        .isNotEmpty());
        softly.assertAll();
    }

    /** The real properties that the variable sets; empty when it sets none. */
    public Set<String> propertiesSetBy(String variable, boolean localOnly) {
        String sentinel = "sentinel-" + variable.toLowerCase(Locale.ROOT);
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, sentinel)));
        List<String> files =
                localOnly ? List.of("application-local.yml", "application.yml") : List.of("application.yml");
        Set<String> keys = new LinkedHashSet<>();
        for (String file : files) {
            for (PropertySource<?> source : yaml(file)) {
                sources.addLast(source);
                if (source instanceof EnumerablePropertySource<?> enumerable) {
                    Collections.addAll(keys, enumerable.getPropertyNames());
                }
            }
        }
        Set<String> set = new LinkedHashSet<>();
        for (String key : keys) {
            String value = environment.getProperty(key);
            if (value != null && value.contains(sentinel) && isReal(key)) {
                set.add(key);
            }
        }
        // Variables Spring itself reads by relaxed binding (SPRING_PROFILES_ACTIVE → spring.profiles.active).
        String relaxed = variable.toLowerCase(Locale.ROOT).replace('_', '.');
        if (set.isEmpty() && metadata.contains(relaxed)) {
            set.add(relaxed);
        }
        return set;
    }

    /** Children of {@code prefix} in application.yml, e.g. the route ids under {@code gateway.timeouts}. */
    public static Set<String> childrenOf(String prefix) {
        Set<String> children = new LinkedHashSet<>();
        for (PropertySource<?> source : yaml("application.yml")) {
            for (String key : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                if (key.startsWith(prefix + ".")) {
                    children.add(key.substring(prefix.length() + 1).split("\\.")[0]);
                }
            }
        }
        return children;
    }

    public boolean isReal(String key) {
        String plain = key.replaceAll("\\[\\d+]", "");
        for (String property : metadata) {
            if (key.equals(property)
                    || plain.equals(property)
                    || (key.startsWith(property + "[") && !fieldOfOwnListElement(key, property))
                    || key.startsWith(property + ".")) {
                return true;
            }
        }
        for (Map.Entry<String, Class<? extends Record>> entry : records.entrySet()) {
            if (plain.startsWith(entry.getKey() + ".")
                    && isComponent(
                            entry.getValue(), plain.substring(entry.getKey().length() + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A field inside an element of one of the service's own list settings ({@code rules[0].max-body}): the
     * metadata only knows the list, so the field is checked against the record instead.
     */
    private boolean fieldOfOwnListElement(String key, String property) {
        return key.matches(Pattern.quote(property) + "\\[\\d+]\\..+")
                && records.keySet().stream().anyMatch(prefix -> property.startsWith(prefix + "."));
    }

    private static boolean isComponent(Class<?> type, String path) {
        String[] segments = path.split("\\.", 2);
        for (RecordComponent component : type.getRecordComponents()) {
            if (kebab(component.getName()).equals(segments[0])) {
                Class<?> child = component.getType();
                if (List.class.isAssignableFrom(child)
                        && component.getGenericType() instanceof ParameterizedType list
                        && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                    child = element;
                }
                return segments.length == 1 || !child.isRecord() || isComponent(child, segments[1]);
            }
        }
        return false;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static List<PropertySource<?>> yaml(String file) {
        try {
            return new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readDoc() {
        try {
            return Files.readAllLines(Path.of("..", "docs", "architecture.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> loadMetadata() {
        Set<String> names = new HashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            List<URL> urls = new ArrayList<>();
            ClassLoader loader = DocumentedVariables.class.getClassLoader();
            urls.addAll(Collections.list(loader.getResources("META-INF/spring-configuration-metadata.json")));
            urls.addAll(
                    Collections.list(loader.getResources("META-INF/additional-spring-configuration-metadata.json")));
            for (URL url : urls) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        names.add(property.path("name").asString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(names).as("Spring configuration metadata on the class path").isNotEmpty();
        return names;
    }
}
