package cn.zschangfang.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/k8s-example.md is the production overlay as {@code kubectl kustomize} renders it. This test fails when the
 * two differ (compared as parsed objects, so that another Kustomize version's formatting is no difference) and
 * rewrites the page when run with {@code -Dk8s.example.write=true}:
 *
 * <pre>./mvnw -B -ntp -o -pl deploy test -Dtest=KubernetesManifestExampleTest -Dk8s.example.write=true</pre>
 */
class KubernetesManifestExampleTest {

    static final String REGENERATE =
            "./mvnw -B -ntp -o -pl deploy test -Dtest=KubernetesManifestExampleTest -Dk8s.example.write=true";

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
        assertThat(documented)
                .as(
                        "docs/k8s-example.md is out of date with deploy/k8s/overlays/production; regenerate it with: %s",
                        REGENERATE)
                .isEqualTo(Kustomize.objects("production"));
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
