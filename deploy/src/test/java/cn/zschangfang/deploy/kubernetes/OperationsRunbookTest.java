package cn.zschangfang.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every alert of deploy/observability's rule files points at {@code docs/operations.md#<its name in kebab-case>}
 * (the observability tests check the rule side); this checks the page side: that section exists, so that the link
 * in a page at 3 a.m. lands on the runbook and not on the top of the page.
 */
class OperationsRunbookTest {

    private static final Pattern ALERT = Pattern.compile("(?m)^\\s*-\\s*alert:\\s*([A-Za-z0-9]+)\\s*$");

    @Test
    void everyAlertHasARunbookSection() throws IOException {
        Path rules = Kustomize.projectDir().resolve("deploy/observability/prometheus/rules");
        Assumptions.assumeTrue(
                Files.isDirectory(rules), "no alert rules at " + rules + " (they come with the observability work)");
        List<String> alerts = new ArrayList<>();
        try (Stream<Path> files = Files.list(rules)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                Matcher m = ALERT.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    alerts.add(m.group(1));
                }
            }
        }
        assertThat(alerts).as("alerts in %s", rules).isNotEmpty();
        String page = Files.readString(Kustomize.projectDir().resolve("docs/operations.md"), StandardCharsets.UTF_8);
        List<String> missing = alerts.stream()
                .filter(alert -> !page.contains("<a id=\"" + kebab(alert) + "\"></a>\n### " + alert + "\n"))
                .toList();
        assertThat(missing)
                .as("alerts without a runbook section (<a id=\"kebab-name\"></a> then ### Name) in docs/operations.md")
                .isEmpty();
    }

    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
