package id.oss.livechat.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests parse, hold what the issue asks for, and name only environment variables
 * the server reads: a typo in a ConfigMap key would otherwise be ignored in silence.
 */
class KubernetesManifestsTest {
    private static final Path K8S = Path.of("server/k8s");
    private static final Map<String, Map<String, Object>> BY_KIND = new HashMap<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parseEveryManifest() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    Map<String, Object> manifest = (Map<String, Object>) document;
                    assertThat(manifest).as(file.toString()).containsKeys("apiVersion", "kind");
                    BY_KIND.put((String) manifest.get("kind"), manifest);
                }
            }
        }
    }

    @Test
    void everyPieceIsThere() {
        assertThat(BY_KIND)
                .containsKeys(
                        "Deployment",
                        "Service",
                        "ConfigMap",
                        "Secret",
                        "HorizontalPodAutoscaler",
                        "Kustomization");
        List<Object> listed = list(BY_KIND.get("Kustomization").get("resources"));
        try (Stream<Path> files = Files.list(K8S)) {
            assertThat(listed)
                    .containsExactlyInAnyOrderElementsOf(
                            files.map(f -> (Object) f.getFileName().toString())
                                    .filter(n -> n.toString().endsWith(".yaml"))
                                    .filter(n -> !n.equals("kustomization.yaml"))
                                    .toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void probesAskHealthForLivenessAndHealthDbForReadiness() {
        Map<String, Object> container = container();
        assertThat(path(container, "livenessProbe")).isEqualTo("/health");
        assertThat(path(container, "readinessProbe")).isEqualTo("/health/db");
        assertThat(map(map(BY_KIND.get("HorizontalPodAutoscaler"), "spec"), "scaleTargetRef"))
                .containsEntry("kind", "Deployment")
                .containsEntry("name", name("Deployment"));
        assertThat(list(container.get("envFrom")).toString())
                .contains("configMapRef={name=" + name("ConfigMap") + "}")
                .contains("secretRef={name=" + name("Secret") + "}");
    }

    @Test
    void onlyVariablesTheServerReadsAndEverySeedVariable() {
        Set<String> read = ServerVariables.read();
        Set<String> configMap = map(BY_KIND.get("ConfigMap"), "data").keySet();
        Set<String> secret = map(BY_KIND.get("Secret"), "stringData").keySet();
        Set<String> referenced = new TreeSet<>(configMap);
        referenced.addAll(secret);
        for (Object env : list(container().getOrDefault("env", List.of()))) {
            referenced.add((String) ((Map<?, ?>) env).get("name"));
        }
        assertThat(read).containsAll(referenced);
        // the secrets are in the Secret, never in the ConfigMap
        assertThat(secret).contains("JWT_SECRET", "OSS_IDENTITY_SECRET", "DB_PASSWORD");
        assertThat(configMap)
                .doesNotContain(
                        "JWT_SECRET",
                        "OSS_IDENTITY_SECRET",
                        "DB_PASSWORD",
                        "SENDGRID_API_KEY",
                        "SMTP_PASSWORD");
        // every seed variable a cluster needs is set; GIN_MODE is covered by LIVECHAT_DEMO
        Set<String> seed = new TreeSet<>(ServerVariables.SEED);
        seed.remove("GIN_MODE");
        assertThat(referenced).containsAll(seed);
    }

    private static Map<String, Object> container() {
        Map<String, Object> pod = map(map(BY_KIND.get("Deployment"), "spec"), "template");
        List<Object> containers = list(map(pod, "spec").get("containers"));
        assertThat(containers).hasSize(1);
        return castMap(containers.get(0));
    }

    private static String path(Map<String, Object> container, String probe) {
        return (String) map(map(container, probe), "httpGet").get("path");
    }

    private static String name(String kind) {
        return (String) map(BY_KIND.get(kind), "metadata").get("name");
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return castMap(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return new ArrayList<>((List<Object>) value);
    }
}
