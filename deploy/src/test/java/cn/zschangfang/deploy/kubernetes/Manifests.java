package cn.zschangfang.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Lookups over the rendered objects of an overlay, for the manifest tests. */
final class Manifests {

    private Manifests() {}

    /** A container of a pod template, init containers included; prints as {@code Deployment/x container y}. */
    record PodContainer(String pod, Container container) {

        @Override
        public String toString() {
            return pod + " container " + container.getName();
        }
    }

    /** Every container, init containers included, of every pod template (Deployments and StatefulSets). */
    static List<PodContainer> allContainers(List<HasMetadata> objects) {
        List<PodContainer> out = new ArrayList<>();
        podTemplates(objects).forEach((pod, template) -> {
            template.getSpec().getContainers().forEach(c -> out.add(new PodContainer(pod, c)));
            template.getSpec().getInitContainers().forEach(c -> out.add(new PodContainer(pod, c)));
        });
        return out;
    }

    static <T extends HasMetadata> List<T> of(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> Map<String, T> byName(List<HasMetadata> objects, Class<T> type) {
        Map<String, T> out = new LinkedHashMap<>();
        of(objects, type).forEach(o -> out.put(o.getMetadata().getName(), o));
        return out;
    }

    static List<String> names(List<HasMetadata> objects, Class<? extends HasMetadata> type) {
        return of(objects, type).stream().map(o -> o.getMetadata().getName()).toList();
    }

    static Map<String, PodTemplateSpec> podTemplates(List<HasMetadata> objects) {
        Map<String, PodTemplateSpec> out = new LinkedHashMap<>();
        of(objects, Deployment.class)
                .forEach(d -> out.put(
                        "Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate()));
        of(objects, StatefulSet.class)
                .forEach(s -> out.put(
                        "StatefulSet/" + s.getMetadata().getName(), s.getSpec().getTemplate()));
        return out;
    }

    static boolean selects(Map<String, String> selector, PodTemplateSpec template) {
        if (selector == null || selector.isEmpty()) {
            return false;
        }
        Map<String, String> labels =
                Optional.ofNullable(template.getMetadata().getLabels()).orElse(Map.of());
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    static Optional<ContainerPort> port(Container c, IntOrString port) {
        if (port == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(c.getPorts()).orElse(List.of()).stream()
                .filter(p -> port.getIntVal() != null
                        ? port.getIntVal().equals(p.getContainerPort())
                        : Objects.equals(port.getStrVal(), p.getName()))
                .findFirst();
    }

    static Optional<ContainerPort> managementPort(Container c) {
        return Optional.ofNullable(c.getPorts()).orElse(List.of()).stream()
                .filter(p -> "management".equals(p.getName()))
                .findFirst();
    }

    static String portText(IntOrString port) {
        return port == null
                ? "none"
                : port.getIntVal() != null ? port.getIntVal().toString() : port.getStrVal();
    }

    /** The literal environment of a container: its ConfigMaps (envFrom), then its own env values, which win. */
    static Map<String, String> literalEnvironment(Container c, Map<String, ConfigMap> configMaps) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
            if (from.getConfigMapRef() != null) {
                ConfigMap map = configMaps.get(from.getConfigMapRef().getName());
                if (map != null && map.getData() != null) {
                    String prefix = Objects.requireNonNullElse(from.getPrefix(), "");
                    map.getData().forEach((k, v) -> env.put(prefix + k, v));
                }
            }
        }
        Stream.ofNullable(c.getEnv())
                .flatMap(List::stream)
                .filter(e -> e.getValue() != null)
                .forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }
}
