package org.monostore.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.monostore.deploy.KubernetesManifests.Manifest;

/**
 * deploy/kubernetes against the store's own settings: a manifest that names a variable the store does
 * not read, a port or probe path it does not serve, or labels its discovery does not look for fails
 * here, not in a cluster. The manifests live beside the store, not in one capability: hence a package
 * of their own, named for the folder it checks.
 */
class KubernetesManifestsTest {

  private final StoreSettings store = StoreSettings.read();
  private final KubernetesManifests manifests = KubernetesManifests.read();

  @Test
  void theKustomizationListsEveryManifestInTheFolder() throws IOException {
    Manifest kustomization = manifests.all().stream()
        .filter(manifest -> "Kustomization".equals(manifest.kind())).findFirst().orElseThrow();
    try (Stream<Path> files = Files.list(KubernetesManifests.FOLDER)) {
      assertThat(Yamls.list(kustomization.content(), "resources"))
          .containsExactlyInAnyOrderElementsOf(files.map(file -> file.getFileName().toString())
              .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")).toList());
    }
  }

  @Test
  void everyVariableTheDeploymentSetsIsOneTheStoreReads() {
    assertThat(manifests.environment().keySet()).isNotEmpty().allSatisfy(name ->
        assertThat(store.reads(name)).as("the store reads the environment variable %s", name).isTrue());
  }

  @Test
  void theNodesFindEachOtherThroughTheKubernetesApiAsPodsOfOneLabel() {
    Map<String, Map<String, Object>> env = manifests.environment();
    String discovery = Yamls.string(env.get("MONOSTORE_DISCOVERY"), "value");
    assertThat(discovery).isEqualTo("kubernetes-api");
    assertThat(store.pekko().hasPath("pekko.discovery." + discovery + ".class"))
        .as("Pekko knows the discovery method %s", discovery).isTrue();

    String serviceName = env.containsKey("MONOSTORE_SERVICE_NAME")
        ? Yamls.string(env.get("MONOSTORE_SERVICE_NAME"), "value")
        : store.pekko().getString("pekko.management.cluster.bootstrap.contact-point-discovery.service-name");
    String selector = store.pekko().getString("pekko.discovery.kubernetes-api.pod-label-selector").formatted(serviceName);
    assertThat(manifests.podLabels()).containsAllEntriesOf(labels(selector));

    assertThat(Yamls.string(env.get("MONOSTORE_CLUSTER_HOST"), "valueFrom", "fieldRef", "fieldPath"))
        .isEqualTo("status.podIP");
    int contactPoints = Integer.parseInt(Yamls.string(env.get("MONOSTORE_REQUIRED_CONTACT_POINTS"), "value"));
    assertThat(contactPoints).isBetween(2, (Integer) Yamls.at(manifests.deployment(), "spec", "replicas"));
  }

  @Test
  void theDatabaseAndTheAdminPasswordComeFromSecrets() {
    Map<String, Map<String, Object>> env = manifests.environment();
    for (String name : List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
        "MONOSTORE_ADMIN_PASSWORD")) {
      assertThat(env).containsKey(name);
      assertThat(env.get(name)).doesNotContainKey("value");
      Yamls.string(env.get(name), "valueFrom", "secretKeyRef", "key");
    }
  }

  @Test
  void theContainerPortsAreTheStoresDefaults() {
    assertThat(manifests.ports()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "http", store.httpPort(), "management", store.managementPort(), "remoting", store.remotingPort()));
  }

  @Test
  void theProbesAskPekkoManagementAndSpringOnPathsTheyServe() {
    Map<String, Object> container = manifests.container();
    assertProbe(container, "readinessProbe", store.managementPort(), store.readinessPath());
    assertProbe(container, "livenessProbe", store.managementPort(), store.livenessPath());
    assertProbe(container, "startupProbe", store.httpPort(), store.springLivenessPath());
  }

  @Test
  void theServiceSendsHttpToTheDeploymentsPods() {
    Map<String, Object> service = manifests.one("Service").content();
    assertThat(manifests.podLabels()).containsAllEntriesOf(Yamls.strings(Yamls.map(service, "spec", "selector")));
    List<Object> ports = Yamls.list(service, "spec", "ports");
    assertThat(ports).hasSize(1);
    assertThat(manifests.portNumber(Yamls.at(ports.getFirst(), "targetPort"))).isEqualTo(store.httpPort());
  }

  @Test
  void thePodsAccountMayReadPodsAndNothingElse() {
    String account = Yamls.string(manifests.podSpec(), "serviceAccountName");
    assertThat(manifests.one("ServiceAccount").name()).isEqualTo(account);

    Map<String, Object> role = manifests.one("Role").content();
    List<Object> rules = Yamls.list(role, "rules");
    assertThat(rules).hasSize(1);
    assertThat(Yamls.list(rules.getFirst(), "apiGroups")).containsExactly("");
    assertThat(Yamls.list(rules.getFirst(), "resources")).containsExactly("pods");
    assertThat(Yamls.list(rules.getFirst(), "verbs")).containsExactlyInAnyOrder("get", "watch", "list");

    Map<String, Object> binding = manifests.one("RoleBinding").content();
    assertThat(Yamls.string(binding, "roleRef", "kind")).isEqualTo("Role");
    assertThat(Yamls.string(binding, "roleRef", "name")).isEqualTo(manifests.one("Role").name());
    assertThat(Yamls.list(binding, "subjects")).singleElement().satisfies(subject -> {
      assertThat(Yamls.string(subject, "kind")).isEqualTo("ServiceAccount");
      assertThat(Yamls.string(subject, "name")).isEqualTo(account);
    });
  }

  @Test
  void disruptionsAndRolloutsTakeOneNodeAtATime() {
    Map<String, Object> budget = manifests.one("PodDisruptionBudget").content();
    assertThat(manifests.podLabels()).containsAllEntriesOf(Yamls.strings(Yamls.map(budget, "spec", "selector", "matchLabels")));
    assertThat(Yamls.at(budget, "spec", "maxUnavailable")).isEqualTo(1);

    Map<String, Object> deployment = manifests.deployment();
    assertThat(manifests.podLabels())
        .containsAllEntriesOf(Yamls.strings(Yamls.map(deployment, "spec", "selector", "matchLabels")));
    assertThat(Yamls.at(deployment, "spec", "replicas")).isEqualTo(3);
    assertThat(Yamls.at(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable")).isEqualTo(0);
    assertThat(Yamls.at(deployment, "spec", "strategy", "rollingUpdate", "maxSurge")).isEqualTo(1);
  }

  @Test
  void theGracePeriodCoversTheStoresShutdown() {
    Map<String, Map<String, Object>> env = manifests.environment();
    Map<String, Object> lifecycleTimeout = env.get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE");
    Duration shutdown = store.shutdown(lifecycleTimeout == null ? null : Yamls.string(lifecycleTimeout, "value"));
    Duration preStop = Duration.ofSeconds(((Integer) Yamls.at(manifests.container(),
        "lifecycle", "preStop", "sleep", "seconds")).longValue());
    Duration grace = Duration.ofSeconds(((Integer) Yamls.at(manifests.podSpec(), "terminationGracePeriodSeconds")));
    assertThat(grace).isGreaterThanOrEqualTo(Duration.ofSeconds(45)).isGreaterThanOrEqualTo(preStop.plus(shutdown));
  }

  @Test
  void theStoreRunsAsNobodyWithOnlyItsTemporaryFilesWritable() throws IOException {
    Map<String, Object> pod = Yamls.map(manifests.podSpec(), "securityContext");
    assertThat(pod.get("runAsNonRoot")).isEqualTo(true);
    // The image's user, as Jib builds it (store/pom.xml): the pod runs as the same uid and group.
    Matcher imageUser = Pattern.compile("<user>(\\d+):(\\d+)</user>").matcher(Files.readString(Path.of("pom.xml")));
    assertThat(imageUser.find()).as("the image's user in store/pom.xml").isTrue();
    assertThat(pod.get("runAsUser")).isEqualTo(Integer.parseInt(imageUser.group(1)));
    assertThat(pod.get("runAsGroup")).isEqualTo(Integer.parseInt(imageUser.group(2)));
    Map<String, Object> container = Yamls.map(manifests.container(), "securityContext");
    assertThat(container.get("allowPrivilegeEscalation")).isEqualTo(false);
    if (Boolean.TRUE.equals(container.get("readOnlyRootFilesystem"))) {
      List<Object> mounts = Yamls.list(manifests.container(), "volumeMounts");
      assertThat(mounts).anySatisfy(mount -> assertThat(Yamls.string(mount, "mountPath")).isEqualTo("/tmp"));
    }
  }

  @Test
  void theContainerReservesWhatItMayUse() {
    Map<String, Object> resources = Yamls.map(manifests.container(), "resources");
    Yamls.string(resources, "requests", "cpu");
    assertThat(Yamls.string(resources, "limits", "memory")).isEqualTo(Yamls.string(resources, "requests", "memory"));
  }

  private void assertProbe(Map<String, Object> container, String probe, int port, String path) {
    assertThat(manifests.portNumber(Yamls.at(container, probe, "httpGet", "port"))).as("%s port", probe).isEqualTo(port);
    assertThat(Yamls.string(container, probe, "httpGet", "path")).as("%s path", probe).isEqualTo(path);
  }

  /** "app=monostore,tier=x" as labels. */
  private static Map<String, String> labels(String selector) {
    return Arrays.stream(selector.split(",")).map(pair -> pair.split("=", 2))
        .collect(Collectors.toMap(pair -> pair[0].strip(), pair -> pair[1].strip()));
  }
}
