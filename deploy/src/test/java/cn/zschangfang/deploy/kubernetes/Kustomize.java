package cn.zschangfang.deploy.kubernetes;

import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Renders deploy/k8s's overlays with {@code kubectl kustomize} and parses what comes out into fabric8's Kubernetes
 * model, strictly: a field the model does not know (a typo, a field at the wrong level, a kind or apiVersion it
 * cannot map) fails instead of landing in {@code additionalProperties}, which is where fabric8 puts it by default.
 */
final class Kustomize {

    static final List<String> OVERLAYS = List.of("local", "production");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {}

    static Path projectDir() {
        return Path.of(System.getProperty("deploy.project-dir", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static Path overlayDir(String overlay) {
        return projectDir().resolve("deploy/k8s/overlays").resolve(overlay);
    }

    /**
     * kubectl on the PATH, or the test is skipped with the reason; in CI (variable CI set) it fails instead, so that a
     * machine without kubectl cannot pass the manifest checks by skipping them.
     */
    static String kubectl() {
        Optional<Path> found = Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(path -> List.of(path.split(File.pathSeparator)).stream())
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            String reason = "kubectl is not on the PATH: the Kubernetes manifests cannot be rendered"
                    + " (.ci/run installs Debian's kubernetes-client when it is missing)";
            if (System.getenv("CI") != null) {
                fail(reason + "; CI is set, so this is a failure, not a skip");
            }
            Assumptions.abort(reason + "; skipped outside CI");
        }
        return found.get().toString();
    }

    /** The multi-document YAML {@code kubectl kustomize} prints for the overlay (cached per overlay). */
    static String render(String overlay) {
        String kubectl = kubectl();
        return RENDERED.computeIfAbsent(overlay, o -> run(kubectl, overlayDir(o)));
    }

    private static String run(String kubectl, Path dir) {
        try {
            Path out = Files.createTempFile("kustomize-", ".yaml");
            Path err = Files.createTempFile("kustomize-", ".err");
            try {
                Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("kubectl kustomize " + dir + " did not finish within 120 s");
                }
                if (process.exitValue() != 0) {
                    // An old kubectl embeds an old Kustomize (Debian bookworm's 1.20: v2.0.3), which knows neither
                    // `labels` nor `patches`: the version tells that apart from a broken manifest.
                    fail("kubectl kustomize " + dir + " exited with " + process.exitValue() + " (" + version(kubectl)
                            + "):\n" + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String version(String kubectl) {
        try {
            Process process = new ProcessBuilder(kubectl, "version", "--client")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return out.strip().replace('\n', ',');
        } catch (IOException e) {
            return "kubectl version unknown: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "kubectl version unknown";
        }
    }

    /** Every document of the overlay, parsed strictly (see {@link #parseStrictly(String)}). */
    static List<HasMetadata> objects(String overlay) {
        return parseStrictly(render(overlay));
    }

    static List<HasMetadata> parseStrictly(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (String document : documents(yaml)) {
            String where = "document " + index++;
            KubernetesResource parsed;
            try {
                parsed = SERIALIZATION.unmarshal(document, KubernetesResource.class);
            } catch (RuntimeException e) {
                problems.add(where + " does not parse into the Kubernetes model: " + e.getMessage());
                continue;
            }
            if (!(parsed instanceof HasMetadata object) || parsed instanceof GenericKubernetesResource) {
                problems.add(where + " is not a kind the Kubernetes model knows: "
                        + document.lines().limit(3).toList());
                continue;
            }
            where = object.getKind() + "/" + object.getMetadata().getName();
            List<String> unknown = new ArrayList<>();
            unknownFields(object, where, unknown, new IdentityHashMap<>());
            problems.addAll(unknown);
            objects.add(object);
        }
        if (!problems.isEmpty()) {
            fail("rendered manifests do not parse strictly:\n  " + String.join("\n  ", problems));
        }
        return objects;
    }

    static List<String> documents(String yaml) {
        List<String> documents = new ArrayList<>();
        for (String part : yaml.split("(?m)^---\\s*$")) {
            if (!part.isBlank()) {
                documents.add(part);
            }
        }
        return documents;
    }

    /**
     * Walks the parsed object through its getters and reports every non-empty {@code additionalProperties}: the
     * fields Jackson found in the YAML but the model has no property for (and values of the wrong type, which
     * fabric8's lenient deserializer also parks there).
     */
    private static void unknownFields(Object value, String path, List<String> out, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, out, seen));
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                unknownFields(element, path + "[" + i++ + "]", out, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object property;
            try {
                property = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue; // a computed getter (e.g. Quantity's numerical amount) that does not apply
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(path + ": unknown fields " + extra.keySet());
                }
                continue;
            }
            String name = Character.toLowerCase(getter.getName().charAt(3))
                    + getter.getName().substring(4);
            unknownFields(property, path + "." + name, out, seen);
        }
    }
}
