package org.monostore.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.monostore.deploy.BicepTemplate.Resource;

/**
 * deploy/azure/main.bicep against the store's own settings, as {@link KubernetesManifestsTest} checks
 * the Kubernetes manifests: environment names, ports, probe paths, the shutdown, and the database's
 * connections sized from the store's pools.
 */
class AzureTemplateTest {

  /** Pekko's own names for "the address of this host's name"; Pekko Management knows neither. */
  private static final Set<String> ARTERY_HOST_LOOKUPS = Set.of("<getHostAddress>", "<getHostName>");

  private final StoreSettings store = StoreSettings.read();
  private final String template = BicepTemplate.read();
  private final List<Resource> resources = BicepTemplate.resources(template);
  private final Map<String, String> parameters = BicepTemplate.parameterDefaults(template);

  @Test
  void everyVariableTheAppSetsIsOneTheStoreReads() {
    assertThat(environment().keySet()).isNotEmpty().allSatisfy(name ->
        assertThat(store.reads(name)).as("the store reads the environment variable %s", name).isTrue());
  }

  @Test
  void theNodesFindEachOtherThroughTheDatabaseOnTheirOwnAddresses() {
    Map<String, Map<String, Object>> env = environment();
    String discovery = Yamls.string(env.get("MONOSTORE_DISCOVERY"), "value");
    assertThat(discovery).isEqualTo("database");
    assertThat(store.pekko().hasPath("pekko.discovery." + discovery + ".class")).isTrue();

    String host = Yamls.string(env.get("MONOSTORE_CLUSTER_HOST"), "value");
    assertThat(host).isNotBlank();
    if (ARTERY_HOST_LOOKUPS.contains(host)) {
      // Pekko Management's host defaults to the cluster host, and would announce the literal text.
      assertThat(Yamls.string(env.get("MONOSTORE_MANAGEMENT_HOST"), "value")).isEqualTo("<hostname>");
    }
    int contactPoints = Integer.parseInt(Yamls.string(env.get("MONOSTORE_REQUIRED_CONTACT_POINTS"), "value"));
    assertThat(contactPoints).isBetween(2, Integer.parseInt(parameters.get("minReplicas")));
  }

  @Test
  void theDatabaseAndTheAdminPasswordComeFromSecrets() {
    Map<String, Map<String, Object>> env = environment();
    for (String name : List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
        "MONOSTORE_ADMIN_PASSWORD")) {
      assertThat(env).containsKey(name);
      assertThat(env.get(name)).doesNotContainKey("value").containsKey("secretRef");
    }
  }

  @Test
  void httpIsTheIngressAndTheClusterPortsStayInsideTheEnvironment() {
    Map<String, Object> ingress = Yamls.map(app(), "properties", "configuration", "ingress");
    assertThat(ingress.get("external")).isEqualTo("true");
    assertThat(ingress.get("targetPort")).isEqualTo(String.valueOf(store.httpPort()));
    List<Object> mappings = Yamls.list(ingress, "additionalPortMappings");
    assertThat(mappings).allSatisfy(mapping -> assertThat(Yamls.string(mapping, "external")).isEqualTo("false"));
    assertThat(mappings).extracting(mapping -> Integer.parseInt(Yamls.string(mapping, "targetPort")))
        .containsExactlyInAnyOrder(store.remotingPort(), store.managementPort());
  }

  @Test
  void theProbesAskPekkoManagementAndSpringOnPathsTheyServe() {
    Map<String, Map<String, Object>> probes = new LinkedHashMap<>();
    for (Object probe : Yamls.list(container(), "probes")) {
      probes.put(Yamls.string(probe, "type"), Yamls.map(probe, "httpGet"));
    }
    assertThat(probes).containsOnlyKeys("Startup", "Readiness", "Liveness");
    assertThat(probes.get("Readiness")).containsEntry("path", store.readinessPath())
        .containsEntry("port", String.valueOf(store.managementPort()));
    assertThat(probes.get("Liveness")).containsEntry("path", store.livenessPath())
        .containsEntry("port", String.valueOf(store.managementPort()));
    assertThat(probes.get("Startup")).containsEntry("path", store.springLivenessPath())
        .containsEntry("port", String.valueOf(store.httpPort()));
  }

  @Test
  void theGracePeriodCoversTheStoresShutdown() {
    Map<String, Object> lifecycleTimeout = environment().get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE");
    Duration shutdown = store.shutdown(lifecycleTimeout == null ? null : Yamls.string(lifecycleTimeout, "value"));
    Duration grace = Duration.ofSeconds(Long.parseLong(
        Yamls.string(app(), "properties", "template", "terminationGracePeriodSeconds")));
    assertThat(grace).isGreaterThanOrEqualTo(Duration.ofSeconds(45)).isGreaterThanOrEqualTo(shutdown);
  }

  @Test
  void scalingInNeverRemovesHalfTheCluster() {
    Map<String, Object> scale = Yamls.map(app(), "properties", "template", "scale");
    int min = Integer.parseInt(parameters.get(Yamls.string(scale, "minReplicas")));
    int max = Integer.parseInt(parameters.get(Yamls.string(scale, "maxReplicas")));
    assertThat(min).isGreaterThanOrEqualTo(3);
    assertThat(max).isGreaterThanOrEqualTo(min);
    // Scaling in may stop every replica above the minimum at once: that must stay a minority.
    assertThat(max - min).isLessThan((max + 1) / 2);
    assertThat(Yamls.list(scale, "rules")).singleElement()
        .satisfies(rule -> Yamls.string(rule, "http", "metadata", "concurrentRequests"));
  }

  @Test
  void postgreSql17KeepsCommitsDurableAndHasConnectionsForEveryNode() {
    Resource server = one("Microsoft.DBforPostgreSQL/flexibleServers");
    assertThat(Yamls.string(server.body(), "properties", "version")).isEqualTo("17");
    Yamls.string(server.body(), "properties", "network", "delegatedSubnetResourceId");

    Map<String, String> settings = new LinkedHashMap<>();
    for (Resource resource : resources) {
      if (resource.type().equals("Microsoft.DBforPostgreSQL/flexibleServers/configurations")) {
        settings.put(Yamls.string(resource.body(), "name"), Yamls.string(resource.body(), "properties", "value"));
      }
    }
    assertThat(settings).containsEntry("synchronous_commit", "on");
    // During an update the old revision's nodes and the new one's run side by side.
    int maxReplicas = Integer.parseInt(parameters.get("maxReplicas"));
    assertThat(Integer.parseInt(settings.get("max_connections")))
        .isGreaterThanOrEqualTo(2 * maxReplicas * store.connectionsPerNode());
  }

  private Map<String, Map<String, Object>> environment() {
    Map<String, Map<String, Object>> environment = new LinkedHashMap<>();
    for (Object variable : Yamls.list(container(), "env")) {
      if (environment.put(Yamls.string(variable, "name"), Yamls.map(variable)) != null) {
        throw new AssertionError("The variable " + Yamls.string(variable, "name") + " is set twice");
      }
    }
    return environment;
  }

  private Map<String, Object> container() {
    List<Object> containers = Yamls.list(app(), "properties", "template", "containers");
    assertThat(containers).hasSize(1);
    return Yamls.map(containers.getFirst());
  }

  private Map<String, Object> app() {
    return one("Microsoft.App/containerApps").body();
  }

  private Resource one(String type) {
    List<Resource> found = resources.stream().filter(resource -> resource.type().equals(type)).toList();
    assertThat(found).as("resources of type %s", type).hasSize(1);
    return found.getFirst();
  }
}
