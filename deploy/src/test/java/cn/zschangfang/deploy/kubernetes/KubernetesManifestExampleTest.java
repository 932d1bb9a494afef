package cn.zschangfang.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/k8s-example.md is the production overlay as {@code kubectl kustomize} renders it. This test fails when the
 * two differ (compared as parsed objects, so that another Kustomize version's formatting is no difference) and
 * rewrites the page when run with {@code -Dk8s.example.write=true}:
 *
 * <pre>deploy/k8s/render-example.sh</pre> (which runs this test with that property)
 */
class KubernetesManifestExampleTest {

    static final String REGENERATE = "deploy/k8s/render-example.sh";

    static final String FENCE_START = "```yaml\n";
    static final String FENCE_END = "```\n";

    @Test
    void docsExampleIsTheRenderedProductionOverlay() throws IOException {
        String rendered = Kustomize.render("production");
        Path page = Kustomize.projectDir().resolve("docs/k8s-example.md");
        if (Boolean.getBoolean("k8s.example.write")) {
            Files.writeString(page, page(rendered), StandardCharsets.UTF_8);
        }
        assertThat(page)
                .as("docs/k8s-example.md (write it with: %s)", REGENERATE)
                .exists();
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int start = text.indexOf(FENCE_START);
        int end = text.lastIndexOf(FENCE_END);
        assertThat(start).as("a ```yaml block in docs/k8s-example.md").isNotNegative();
        assertThat(end).as("the end of the yaml block in docs/k8s-example.md").isGreaterThan(start);
        List<HasMetadata> documented = Kustomize.parseStrictly(text.substring(start + FENCE_START.length(), end));
        List<HasMetadata> current = Kustomize.objects("production");
        // Named per object: the whole list in a failure message would be a thousand lines.
        Map<String, HasMetadata> was = byKey(documented);
        Map<String, HasMetadata> is = byKey(current);
        List<String> differences = new ArrayList<>();
        is.forEach((key, object) -> {
            if (!was.containsKey(key)) {
                differences.add(key + " is missing from the page");
            } else if (!was.get(key).equals(object)) {
                differences.add(key + " differs");
            }
        });
        was.keySet().stream()
                .filter(key -> !is.containsKey(key))
                .forEach(key -> differences.add(key + " is on the page but no longer rendered"));
        assertThat(differences)
                .as("docs/k8s-example.md against deploy/k8s/overlays/production; regenerate it with: %s", REGENERATE)
                .isEmpty();
    }

    private static Map<String, HasMetadata> byKey(List<HasMetadata> objects) {
        Map<String, HasMetadata> out = new LinkedHashMap<>();
        objects.forEach(o -> out.put(o.getKind() + "/" + o.getMetadata().getName(), o));
        return out;
    }

    static String page(String rendered) {
        return """
                # Kubernetes manifests: the production overlay, rendered

                What `kubectl kustomize deploy/k8s/overlays/production` prints: every object the platform needs in a
                cluster with a managed Kafka and MongoDB. Generated, do not edit: change `deploy/k8s/` and regenerate
                with

                ```bash
                %s
                ```

                (`KubernetesManifestExampleTest` fails while this page and the manifests differ). How to deploy,
                configure, scale and operate it: [operations.md](operations.md). The Secret
                `lead-platform-secrets` that the Deployments read is not here on purpose: it is created out of band
                (`deploy/k8s/secret.example.yaml` lists its keys).

                """.formatted(REGENERATE) + FENCE_START + rendered + (rendered.endsWith("\n") ? "" : "\n") + FENCE_END;
    }
}
