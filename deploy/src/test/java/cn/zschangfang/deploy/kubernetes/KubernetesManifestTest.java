package cn.zschangfang.deploy.kubernetes;

import static cn.zschangfang.deploy.kubernetes.Manifests.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.deploy.kubernetes.Manifests.PodContainer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What deploy/k8s renders to, per overlay, parsed strictly into the Kubernetes model (see {@link Kustomize}): the
 * properties an operator relies on and a reviewer would otherwise have to check by eye on every change. Secrets,
 * the Ingress and pod isolation are {@link KubernetesManifestSecurityTest}'s.
 */
class KubernetesManifestTest {

    static final List<String> overlays = Kustomize.OVERLAYS;

    /** The five services of the platform: each is a Deployment with the full set of objects around it. */
    static final Set<String> SERVICES = Set.of("gateway", "content-service", "lead-service", "notify-service", "site");

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";

    @ParameterizedTest
    @FieldSource("overlays")
    void rendersEveryServiceAsADeployment(String overlay) {
        assertThat(names(Kustomize.objects(overlay), Deployment.class))
                .as("Deployments of %s", overlay)
                .containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void everyServiceProbesItsHealthGroupsOnAContainerPort(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : of(Kustomize.objects(overlay), Deployment.class)) {
            for (Container c : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String where = "Deployment/" + deployment.getMetadata().getName() + " container " + c.getName();
                probe(where + " readinessProbe", c, c.getReadinessProbe(), READINESS, problems);
                probe(where + " livenessProbe", c, c.getLivenessProbe(), LIVENESS, problems);
                // The JVM's start must not count against liveness: without a startup probe a slow start is a kill.
                probe(where + " startupProbe", c, c.getStartupProbe(), LIVENESS, problems);
            }
        }
        assertThat(problems).as("probes in %s", overlay).isEmpty();
    }

    private static void probe(String where, Container c, Probe probe, String path, List<String> problems) {
        if (probe == null) {
            problems.add(where + " is missing");
            return;
        }
        HTTPGetAction get = probe.getHttpGet();
        if (get == null) {
            problems.add(where + " is not an HTTP GET of a health group");
            return;
        }
        if (!path.equals(get.getPath())) {
            problems.add(where + " asks " + get.getPath() + ", not the health group " + path);
        }
        if (port(c, get.getPort()).isEmpty()) {
            problems.add(where + " asks port " + portText(get.getPort()) + ", which the container does not declare");
        }
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void managementPortIsWhatTheServiceListensOnAndNoServiceExposesIt(String overlay) {
        List<HasMetadata> objects = Kustomize.objects(overlay);
        Map<String, ConfigMap> configMaps = byName(objects, ConfigMap.class);
        Map<String, Deployment> deployments = byName(objects, Deployment.class);
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : deployments.values()) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (Container c : pod.getContainers()) {
                String where = "Deployment/" + deployment.getMetadata().getName();
                Map<String, String> env = literalEnvironment(c, configMaps);
                expectPort(where, c, "http", env.get("SERVER_PORT"), "SERVER_PORT", problems);
                expectPort(
                        where, c, "management", env.get("MANAGEMENT_SERVER_PORT"), "MANAGEMENT_SERVER_PORT", problems);
            }
        }
        for (Service service : of(objects, Service.class)) {
            List<Deployment> selected = deployments.values().stream()
                    .filter(d ->
                            selects(service.getSpec().getSelector(), d.getSpec().getTemplate()))
                    .toList();
            for (ServicePort sp : service.getSpec().getPorts()) {
                for (Deployment d : selected) {
                    for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                        IntOrString target =
                                sp.getTargetPort() != null ? sp.getTargetPort() : new IntOrString(sp.getPort());
                        port(c, target)
                                .filter(p -> "management".equals(p.getName()))
                                .ifPresent(p -> problems.add(
                                        "Service/" + service.getMetadata().getName() + " port "
                                                + sp.getName() + " exposes the management port " + p.getContainerPort()
                                                + " of " + d.getMetadata().getName()));
                        managementPort(c)
                                .filter(m -> Objects.equals(m.getContainerPort(), sp.getPort()))
                                .ifPresent(m -> problems.add(
                                        "Service/" + service.getMetadata().getName()
                                                + " listens on the management port number " + sp.getPort()));
                    }
                }
            }
        }
        assertThat(problems).as("ports in %s", overlay).isEmpty();
    }

    private static void expectPort(
            String where, Container c, String portName, String value, String variable, List<String> problems) {
        Optional<ContainerPort> port =
                c.getPorts().stream().filter(p -> portName.equals(p.getName())).findFirst();
        if (port.isEmpty()) {
            problems.add(where + " declares no container port named " + portName);
        } else if (!String.valueOf(port.get().getContainerPort()).equals(value)) {
            problems.add(where + " declares port " + portName + " = "
                    + port.get().getContainerPort() + " but sets " + variable + " = " + value);
        }
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void everyContainerHasRequestsAndLimits(String overlay) {
        List<String> problems = new ArrayList<>();
        for (PodContainer pc : allContainers(Kustomize.objects(overlay))) {
            var resources = pc.container().getResources();
            for (String kind : List.of("cpu", "memory")) {
                Quantity request = resources == null || resources.getRequests() == null
                        ? null
                        : resources.getRequests().get(kind);
                Quantity limit = resources == null || resources.getLimits() == null
                        ? null
                        : resources.getLimits().get(kind);
                String where = pc + " " + kind;
                if (request == null || limit == null) {
                    problems.add(where + ": request " + request + ", limit " + limit);
                } else if (request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                    problems.add(where + ": request " + request + " above limit " + limit);
                }
            }
        }
        assertThat(problems).as("resources in %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void everyDeploymentHasAnAutoscalerAndADisruptionBudget(String overlay) {
        List<HasMetadata> objects = Kustomize.objects(overlay);
        List<String> problems = new ArrayList<>();
        for (Deployment d : of(objects, Deployment.class)) {
            String name = d.getMetadata().getName();
            List<HorizontalPodAutoscaler> hpas = of(objects, HorizontalPodAutoscaler.class).stream()
                    .filter(h -> "Deployment"
                                    .equals(h.getSpec().getScaleTargetRef().getKind())
                            && "apps/v1".equals(h.getSpec().getScaleTargetRef().getApiVersion())
                            && name.equals(h.getSpec().getScaleTargetRef().getName()))
                    .toList();
            if (hpas.size() != 1) {
                problems.add("Deployment/" + name + " has " + hpas.size() + " HorizontalPodAutoscalers, not 1");
            } else {
                HorizontalPodAutoscaler hpa = hpas.get(0);
                int min = Optional.ofNullable(hpa.getSpec().getMinReplicas()).orElse(1);
                if (min > hpa.getSpec().getMaxReplicas()) {
                    problems.add("HorizontalPodAutoscaler/" + name + " minReplicas above maxReplicas");
                }
                // Production keeps two of each, so that a node drain or a crash never leaves a service without one.
                if (overlay.equals("production") && min < 2) {
                    problems.add("HorizontalPodAutoscaler/" + name + " allows a single instance in production");
                }
                if (hpa.getSpec().getMetrics() == null
                        || hpa.getSpec().getMetrics().isEmpty()) {
                    problems.add("HorizontalPodAutoscaler/" + name + " has no metric");
                }
            }
            // The autoscaler owns the count: a replicas field in the Deployment would reset it on every apply.
            if (d.getSpec().getReplicas() != null) {
                problems.add("Deployment/" + name + " sets replicas although an autoscaler scales it");
            }
            long pdbs = of(objects, PodDisruptionBudget.class).stream()
                    .filter(p -> p.getSpec().getSelector() != null
                            && selects(
                                    p.getSpec().getSelector().getMatchLabels(),
                                    d.getSpec().getTemplate()))
                    .count();
            if (pdbs != 1) {
                problems.add("Deployment/" + name + " is covered by " + pdbs + " PodDisruptionBudgets, not 1");
            }
        }
        assertThat(problems)
                .as("autoscalers and disruption budgets in %s", overlay)
                .isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void everyImageIsPinned(String overlay) {
        List<String> problems = new ArrayList<>();
        for (PodContainer pc : allContainers(Kustomize.objects(overlay))) {
            String image = Objects.requireNonNullElse(pc.container().getImage(), "");
            if (!pinned(image)) {
                problems.add(pc + " image '" + image + "'");
            }
        }
        assertThat(problems)
                .as("images without a pinned tag or digest in %s", overlay)
                .isEmpty();
    }

    /** A digest, or a tag other than latest (after the last '/', so that a registry's port is no tag). */
    static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon > 0
                && colon < last.length() - 1
                && !last.substring(colon + 1).equals("latest");
    }
}
