package cn.zschangfang.deploy.kubernetes;

import static cn.zschangfang.deploy.kubernetes.Manifests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What keeps secrets and pods closed in what deploy/k8s renders to, per overlay (see {@link Kustomize}): no secret
 * value in a manifest and every Secret key a pod reads listed in the example, the Ingress routing only to the gateway,
 * pods non-root on a read-only root file system, every pod behind a NetworkPolicy. The workloads' own properties
 * (probes, resources, ports, scaling, images) are {@link KubernetesManifestTest}'s.
 */
class KubernetesManifestSecurityTest {

    static final List<String> overlays = Kustomize.OVERLAYS;

    /** Variable names that hold a secret (ACCESS_KEY_ID too: an access key id is half a credential). */
    static final Pattern SECRET_NAME = Pattern.compile("SECRET|TOKEN|PASSWORD|KEY", Pattern.CASE_INSENSITIVE);

    /** A URL with credentials in it ({@code mongodb://user:password@host}), whatever the variable's name. */
    static final Pattern CREDENTIALS_IN_URL = Pattern.compile("://[^/@\\s:]+:[^/@\\s]+@");

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
