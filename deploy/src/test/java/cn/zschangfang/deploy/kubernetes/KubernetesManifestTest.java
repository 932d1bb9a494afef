package cn.zschangfang.deploy.kubernetes;

import static cn.zschangfang.deploy.kubernetes.Manifests.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.deploy.kubernetes.Manifests.PodContainer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What deploy/k8s renders to, per overlay, parsed strictly into the Kubernetes model (see {@link Kustomize}): the
 * properties an operator relies on and a reviewer would otherwise have to check by eye on every change.
 */
class KubernetesManifestTest {

    static final List<String> overlays = Kustomize.OVERLAYS;

    /** The five services of the platform: each is a Deployment with the full set of objects around it. */
    static final Set<String> SERVICES = Set.of("gateway", "content-service", "lead-service", "notify-service", "site");

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";

    /** Variable names that hold a secret (ACCESS_KEY_ID too: an access key id is half a credential). */
    static final Pattern SECRET_NAME = Pattern.compile("SECRET|TOKEN|PASSWORD|KEY", Pattern.CASE_INSENSITIVE);

    /** A URL with credentials in it ({@code mongodb://user:password@host}), whatever the variable's name. */
    static final Pattern CREDENTIALS_IN_URL = Pattern.compile("://[^/@\\s:]+:[^/@\\s]+@");

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
    void noSecretValueIsRendered(String overlay) {
        List<HasMetadata> objects = Kustomize.objects(overlay);
        List<String> problems = new ArrayList<>();
        for (Secret secret : of(objects, Secret.class)) {
            if ((secret.getData() != null && !secret.getData().isEmpty())
                    || (secret.getStringData() != null
                            && !secret.getStringData().isEmpty())) {
                problems.add("Secret/" + secret.getMetadata().getName() + " carries values");
            }
        }
        for (ConfigMap map : of(objects, ConfigMap.class)) {
            Map<String, String> data = Optional.ofNullable(map.getData()).orElse(Map.of());
            data.forEach((key, value) -> {
                if (SECRET_NAME.matcher(key).find()) {
                    problems.add("ConfigMap/" + map.getMetadata().getName() + " holds " + key
                            + ", which belongs in a Secret");
                }
                if (CREDENTIALS_IN_URL.matcher(value).find()) {
                    problems.add("ConfigMap/" + map.getMetadata().getName() + " " + key + " has credentials in a URL");
                }
            });
        }
        for (Map.Entry<String, PodTemplateSpec> pod : podTemplates(objects).entrySet()) {
            for (Container c : pod.getValue().getSpec().getContainers()) {
                for (EnvVar env : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    String where = pod.getKey() + " container " + c.getName() + " env " + env.getName();
                    boolean fromSecret =
                            env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null;
                    if (SECRET_NAME.matcher(env.getName()).find() && !fromSecret) {
                        problems.add(where + " is not taken from a Secret (secretKeyRef)");
                    }
                    if (env.getValue() != null
                            && CREDENTIALS_IN_URL.matcher(env.getValue()).find()) {
                        problems.add(where + " has credentials in a URL");
                    }
                }
            }
        }
        assertThat(problems).as("secrets in %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void everySecretKeyReferencedIsListedInTheExampleWithAPlaceholder(String overlay) throws Exception {
        // secret.example.yaml is what an operator creates the Secret from: a key missing there is a pod that does
        // not start (CreateContainerConfigError) on the day of the deployment.
        Path example = Kustomize.projectDir().resolve("deploy/k8s/secret.example.yaml");
        Secret secret =
                (Secret) Kustomize.parseStrictly(Files.readString(example)).get(0);
        Map<String, String> listed = Optional.ofNullable(secret.getStringData()).orElse(Map.of());
        List<String> problems = new ArrayList<>();
        listed.forEach((key, value) -> {
            if (!value.contains("<")) {
                problems.add("secret.example.yaml " + key + " holds something other than a <placeholder>");
            }
        });
        for (Map.Entry<String, PodTemplateSpec> pod :
                podTemplates(Kustomize.objects(overlay)).entrySet()) {
            for (Container c : pod.getValue().getSpec().getContainers()) {
                for (EnvVar env : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    if (env.getValueFrom() == null || env.getValueFrom().getSecretKeyRef() == null) {
                        continue;
                    }
                    var ref = env.getValueFrom().getSecretKeyRef();
                    if (!secret.getMetadata().getName().equals(ref.getName())) {
                        problems.add(pod.getKey() + " " + env.getName() + " reads Secret " + ref.getName());
                    } else if (!listed.containsKey(ref.getKey())) {
                        problems.add(pod.getKey() + " " + env.getName() + " reads key " + ref.getKey()
                                + ", which secret.example.yaml does not list");
                    }
                }
            }
        }
        assertThat(problems).as("secret references in %s", overlay).isEmpty();
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

    @ParameterizedTest
    @FieldSource("overlays")
    void theIngressRoutesOnlyToTheGatewaysPublicPort(String overlay) {
        List<HasMetadata> objects = Kustomize.objects(overlay);
        List<Ingress> ingresses = of(objects, Ingress.class);
        assertThat(ingresses).as("Ingresses of %s", overlay).hasSize(1);
        Service gateway = byName(objects, Service.class).get("gateway");
        assertThat(gateway).as("Service/gateway").isNotNull();
        List<String> problems = new ArrayList<>();
        for (Ingress ingress : ingresses) {
            List<IngressBackend> backends = new ArrayList<>();
            Optional.ofNullable(ingress.getSpec().getDefaultBackend()).ifPresent(backends::add);
            for (IngressRule rule :
                    Optional.ofNullable(ingress.getSpec().getRules()).orElse(List.of())) {
                if (rule.getHttp() != null) {
                    rule.getHttp().getPaths().stream()
                            .map(HTTPIngressPath::getBackend)
                            .forEach(backends::add);
                }
            }
            if (backends.isEmpty()) {
                problems.add("Ingress/" + ingress.getMetadata().getName() + " routes nowhere");
            }
            for (IngressBackend backend : backends) {
                if (backend.getService() == null
                        || !"gateway".equals(backend.getService().getName())) {
                    problems.add("Ingress/" + ingress.getMetadata().getName() + " routes to "
                            + (backend.getService() == null
                                    ? backend.getResource()
                                    : backend.getService().getName()));
                    continue;
                }
                var port = backend.getService().getPort();
                boolean known = gateway.getSpec().getPorts().stream()
                        .anyMatch(p -> (port.getName() != null && port.getName().equals(p.getName()))
                                || (port.getNumber() != null && port.getNumber().equals(p.getPort())));
                if (!known) {
                    problems.add("Ingress/" + ingress.getMetadata().getName() + " routes to a port Service/gateway"
                            + " does not have: " + port);
                }
            }
        }
        assertThat(problems).as("Ingress in %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void podsRunNonRootWithAReadOnlyRootFileSystem(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Deployment d : of(Kustomize.objects(overlay), Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            String where = "Deployment/" + d.getMetadata().getName();
            if (pod.getSecurityContext() == null
                    || !Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot())) {
                problems.add(where + " does not require a non-root user");
            }
            for (Container c : pod.getContainers()) {
                var sc = c.getSecurityContext();
                if (sc == null
                        || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())
                        || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    problems.add(where + " container " + c.getName()
                            + " lacks readOnlyRootFilesystem or allowPrivilegeEscalation: false");
                }
            }
            // Service links would inject e.g. NOTIFY_SERVICE_PORT, which Spring binds to notify.* properties.
            if (!Boolean.FALSE.equals(pod.getEnableServiceLinks())) {
                problems.add(where + " keeps service links (enableServiceLinks: false)");
            }
        }
        assertThat(problems).as("pod security in %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void everyPodIsBehindANetworkPolicy(String overlay) {
        List<HasMetadata> objects = Kustomize.objects(overlay);
        List<NetworkPolicy> policies = of(objects, NetworkPolicy.class);
        List<String> unprotected = podTemplates(objects).entrySet().stream()
                .filter(pod -> policies.stream()
                        .noneMatch(p -> selects(p.getSpec().getPodSelector().getMatchLabels(), pod.getValue())))
                .map(Map.Entry::getKey)
                .toList();
        // Otherwise any pod of the cluster reaches the services past the gateway (notify's /internal included).
        assertThat(unprotected)
                .as("pods no NetworkPolicy selects in %s", overlay)
                .isEmpty();
    }
}
