package org.monostore.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monostore.TestStores;
import org.monostore.platform.EmbeddedDatabase;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nodes form a cluster through Pekko Management's Cluster Bootstrap, found by the {@code config}
 * discovery or through the database; a node that has not joined is alive but not ready, on both of
 * its HTTP ports.
 */
class ClusterFormationTest {

  @TempDir Path databaseFolder;

  @Test
  void aNodeWaitingForItsPeersIsAliveButNotReadyUntilTheyFormTheCluster() throws Exception {
    int firstManagement = TestStores.freePort();
    int secondManagement = TestStores.freePort();
    String endpoints = "[{host = \"127.0.0.1\", port = " + firstManagement + "}, {host = \"127.0.0.1\", port = " + secondManagement + "}]";
    try (EmbeddedPostgres database = EmbeddedDatabase.start(databaseFolder, 0);
        ConfigurableApplicationContext first = TestStores.onDatabase(url(database), configDiscovery(firstManagement, endpoints))) {
      int http = TestStores.httpPort(first);
      // Two contact points are required: alone, the node forms no cluster and stays not ready.
      await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
          .until(() -> given().port(http).get("/actuator/health/readiness").statusCode() == 503);
      assertThat(status(first)).isNotEqualTo(MemberStatus.up());
      given().port(http).get("/actuator/health/liveness").then().statusCode(200);
      given().port(firstManagement).get("/ready").then().statusCode(500);
      given().port(firstManagement).get("/alive").then().statusCode(200);

      try (ConfigurableApplicationContext second = TestStores.onDatabase(url(database), configDiscovery(secondManagement, endpoints))) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
          given().port(http).get("/actuator/health/readiness").then().statusCode(200);
          given().port(TestStores.httpPort(second)).get("/actuator/health/readiness").then().statusCode(200);
        });
        assertThat(upMembers(first)).isEqualTo(2);
        given().port(firstManagement).get("/ready").then().statusCode(200);
        given().port(secondManagement).get("/ready").then().statusCode(200);
      }
    }
  }

  @Test
  void nodesFindEachOtherThroughTheDatabaseAndANodeThatStopsLeavesNoRow() throws Exception {
    try (EmbeddedPostgres database = EmbeddedDatabase.start(databaseFolder, 0);
        ConfigurableApplicationContext first = TestStores.onDatabase(url(database), databaseDiscovery());
        ConfigurableApplicationContext second = TestStores.onDatabase(url(database), databaseDiscovery())) {
      await().atMost(Duration.ofSeconds(60)).until(() -> upMembers(first) == 2 && upMembers(second) == 2);
      assertThat(clusterNodeRows(database)).isEqualTo(2);
      second.close();
      assertThat(clusterNodeRows(database)).as("rows once the second node has stopped").isEqualTo(1);
    }
  }

  private static Map<String, Object> configDiscovery(int managementPort, String endpoints) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("monostore.cluster.discovery", "config");
    settings.put("pekko.management.http.port", String.valueOf(managementPort));
    settings.put("pekko.discovery.config.services.monostore.endpoints", endpoints);
    return settings;
  }

  private static Map<String, Object> databaseDiscovery() throws Exception {
    return Map.of(
        "monostore.cluster.discovery", "database",
        "pekko.management.http.port", String.valueOf(TestStores.freePort()));
  }

  private static long clusterNodeRows(EmbeddedPostgres database) throws Exception {
    try (var connection = DriverManager.getConnection(url(database), "postgres", "");
        var rows = connection.createStatement().executeQuery("SELECT count(*) FROM cluster_node")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static MemberStatus status(ConfigurableApplicationContext store) {
    return Cluster.get(store.getBean(ActorSystem.class)).selfMember().status();
  }

  private static long upMembers(ConfigurableApplicationContext store) {
    var cluster = Cluster.get(store.getBean(ActorSystem.class));
    return StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
        .filter(member -> member.status() == MemberStatus.up())
        .count();
  }

  private static String url(EmbeddedPostgres database) {
    return "jdbc:postgresql://localhost:" + database.getPort() + "/postgres";
  }
}
