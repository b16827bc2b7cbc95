package org.monostore.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monostore.TestStores;
import org.monostore.cart.Cart;
import org.monostore.platform.EmbeddedDatabase;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two stores in one JVM forming one cluster over one database: each node's cluster page lists both
 * members, names itself as the one that answered, and counts the carts where they live, so that the
 * two nodes' counts add up to the carts made.
 */
class TwoNodeClusterOverviewTest {

  private static final String PASSWORD = "two-node-admin-password";
  private static final int CARTS = 24;

  @TempDir Path databaseFolder;

  @Test
  void bothNodesListBothMembersAndTheCartsSplitOverThemAddUpToTheCartsMade() throws Exception {
    int seedPort = TestStores.freePort();
    String seeds = "[\"pekko://monostore@127.0.0.1:" + seedPort + "\"]";
    try (EmbeddedPostgres database = EmbeddedDatabase.start(databaseFolder, 0);
        ConfigurableApplicationContext first = TestStores.onDatabase(url(database), settings(seedPort, seeds));
        ConfigurableApplicationContext second = TestStores.onDatabase(url(database), settings(0, seeds))) {
      int one = TestStores.httpPort(first);
      int two = TestStores.httpPort(second);
      await().atMost(Duration.ofSeconds(30)).until(() -> cluster(one), TwoNodeClusterOverviewTest::settled);

      for (int i = 0; i < CARTS; i++) {
        given().port(i % 2 == 0 ? one : two).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201);
      }

      JsonPath fromOne = cluster(one);
      JsonPath fromTwo = await().atMost(Duration.ofSeconds(10)).until(() -> cluster(two), TwoNodeClusterOverviewTest::settled);
      String firstAddress = address(first);
      String secondAddress = address(second);
      assertThat(fromOne.getString("answeredBy.address")).isEqualTo(firstAddress);
      assertThat(fromOne.getInt("answeredBy.httpPort")).isEqualTo(one);
      assertThat(fromTwo.getString("answeredBy.address")).isEqualTo(secondAddress);
      assertThat(fromTwo.getInt("answeredBy.httpPort")).isEqualTo(two);
      for (JsonPath cluster : List.of(fromOne, fromTwo)) {
        assertThat(cluster.getList("members.address", String.class)).as("the seed node joined first: the oldest")
            .containsExactly(firstAddress, secondAddress);
        assertThat(cluster.getList("members.status", String.class)).containsExactly("Up", "Up");
        assertThat(cluster.getList("members.reachable", Boolean.class)).containsExactly(true, true);
        assertThat(cluster.getString("oldest")).isEqualTo(firstAddress);
      }
      assertThat(fromOne.getList("members.self", Boolean.class)).containsExactly(true, false);
      assertThat(fromTwo.getList("members.self", Boolean.class)).containsExactly(false, true);

      for (JsonPath cluster : List.of(fromOne, fromTwo)) {
        int onFirst = cluster.getInt("members[0].entities.Cart");
        int onSecond = cluster.getInt("members[1].entities.Cart");
        assertThat(onFirst).as("carts on the first node").isPositive()
            .isEqualTo(TestStores.liveEntityIds(first.getBean(ActorSystem.class), Cart.ENTITY_KEY).size());
        assertThat(onSecond).as("carts on the second node").isPositive()
            .isEqualTo(TestStores.liveEntityIds(second.getBean(ActorSystem.class), Cart.ENTITY_KEY).size());
        assertThat(onFirst + onSecond).isEqualTo(CARTS);
        assertThat(cluster.getInt("members[0].shards")).isPositive();
        assertThat(cluster.getInt("members[1].shards")).isPositive();
      }
    }
  }

  private static Map<String, Object> settings(int clusterPort, String seeds) {
    return Map.of("pekko.remote.artery.canonical.port", String.valueOf(clusterPort), "pekko.cluster.seed-nodes", seeds,
        "monostore.admin.password", PASSWORD);
  }

  private static JsonPath cluster(int port) {
    return given().port(port).auth().preemptive().basic("admin", PASSWORD).get("/api/admin/cluster").then()
        .statusCode(200).extract().jsonPath();
  }

  /** Both members Up, and every kind's statistics in from both. */
  private static boolean settled(JsonPath cluster) {
    return cluster.getList("members.status").equals(List.of("Up", "Up")) && cluster.getBoolean("statsComplete");
  }

  private static String address(ConfigurableApplicationContext store) {
    return Cluster.get(store.getBean(ActorSystem.class)).selfMember().address().toString();
  }

  private static String url(EmbeddedPostgres database) {
    return "jdbc:postgresql://localhost:" + database.getPort() + "/postgres";
  }
}
