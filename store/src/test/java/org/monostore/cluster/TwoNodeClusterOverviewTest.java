package org.monostore.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.pattern.Patterns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.monostore.TestStores;
import org.monostore.cart.Cart;
import org.monostore.platform.EmbeddedDatabase;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two stores in one JVM forming one cluster over one database: each node's cluster page lists both
 * members, names itself as the one that answered, and counts the carts where they live, so that the
 * two nodes' counts add up to the carts made; a member that cannot answer leaves only its own counts out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterOverviewTest {

  private static final String PASSWORD = "two-node-admin-password";
  private static final int CARTS = 24;

  @TempDir static Path databaseFolder;

  private static EmbeddedPostgres database;
  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;
  private static String seeds;
  private static int one;
  private static int two;

  @BeforeAll
  static void startTwoNodes() throws IOException {
    int seedPort = TestStores.freePort();
    seeds = "[\"pekko://monostore@127.0.0.1:" + seedPort + "\"]";
    database = EmbeddedDatabase.start(databaseFolder, 0);
    first = TestStores.onDatabase(url(database), settings(seedPort, seeds));
    second = TestStores.onDatabase(url(database), settings(0, seeds));
    one = TestStores.httpPort(first);
    two = TestStores.httpPort(second);
  }

  /** The stores that started, then their database, also when the start failed half way. */
  @AfterAll
  static void stopThem() throws IOException {
    try {
      for (ConfigurableApplicationContext store : new ConfigurableApplicationContext[] {second, first}) {
        if (store != null) {
          store.close();
        }
      }
    } finally {
      if (database != null) {
        database.close();
      }
    }
  }

  @Test
  @Order(1)
  void bothNodesListBothMembersAndTheCartsSplitOverThemAddUpToTheCartsMade() {
    await().atMost(Duration.ofSeconds(30)).until(() -> cluster(one), TwoNodeClusterOverviewTest::settled);
    int[] before = {cartsOn(first), cartsOn(second)};
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
      assertThat(onFirst).as("carts on the first node").isGreaterThan(before[0]).isEqualTo(cartsOn(first));
      assertThat(onSecond).as("carts on the second node").isGreaterThan(before[1]).isEqualTo(cartsOn(second));
      assertThat(onFirst + onSecond).isEqualTo(before[0] + before[1] + CARTS);
      assertThat(cluster.getInt("members[0].shards")).isPositive();
      assertThat(cluster.getInt("members[1].shards")).isPositive();
    }
  }

  @Test
  @Order(2)
  void aMemberWhoseRegionsDoNotAnswerIsListedWithoutCountsAndTheOthersWithTheirs() {
    await().atMost(Duration.ofSeconds(30)).until(() -> cluster(one), TwoNodeClusterOverviewTest::settled);
    ActorSystem<Void> third = anotherMember("");
    try {
      String silent = Cluster.get(third).selfMember().address().toString();
      await().atMost(Duration.ofSeconds(30)).until(() -> cluster(one).getList("members.status", String.class),
          statuses -> statuses.equals(List.of("Up", "Up", "Up")));

      long asked = System.nanoTime();
      JsonPath cluster = cluster(one);
      Duration took = Duration.ofNanos(System.nanoTime() - asked);
      assertThat(cluster.getString("members[2].address")).isEqualTo(silent);
      assertThat(cluster.getBoolean("members[2].statsComplete")).isFalse();
      assertThat(cluster.getMap("members[2].entities")).isEmpty();
      assertThat(cluster.getInt("members[2].shards")).isZero();
      assertThat(cluster.getBoolean("statsComplete")).isFalse();
      assertThat(cluster.getList("members.statsComplete", Boolean.class)).containsExactly(true, true, false);
      assertThat(cluster.getInt("members[0].entities.Cart")).isEqualTo(cartsOn(first));
      assertThat(cluster.getInt("members[1].entities.Cart")).isEqualTo(cartsOn(second));
      assertThat(took).as("the wait for the silent member is bounded").isLessThan(Duration.ofSeconds(8));
    } finally {
      third.terminate();
      third.getWhenTerminated().toCompletableFuture().join();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> cluster(one), TwoNodeClusterOverviewTest::settled);
  }

  /** Last: it loses a node. */
  @Test
  @Order(3)
  void aLostNodeIsShownUnreachableWithoutCountsWhileTheOthersKeepTheirs() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> cluster(one), TwoNodeClusterOverviewTest::settled);
    // Stopped, it will not leave: its peers lose it, as they would a node killed with kill -9.
    ActorSystem<Void> lost = anotherMember("pekko.coordinated-shutdown.run-by-actor-system-terminate = off");
    Address lostAddress = Cluster.get(lost).selfMember().address();
    JsonPath cluster;
    try {
      // A region of carts, registered with the carts' coordinator like the stores' own.
      ClusterSharding.get(lost).init(Entity.of(Cart.ENTITY_KEY, context -> Behaviors.ignore()));
      var carts = org.apache.pekko.cluster.sharding.ClusterSharding.get(first.getBean(ActorSystem.class).classicSystem())
          .shardRegion(Cart.ENTITY_KEY.name());
      await().atMost(Duration.ofSeconds(30)).until(() -> ((ShardRegion.CurrentRegions) Patterns.ask(carts,
          ShardRegion.getCurrentRegionsInstance(), Duration.ofSeconds(3)).toCompletableFuture().get()).getRegions()
          .contains(lostAddress));

      lost.terminate();
      lost.getWhenTerminated().toCompletableFuture().join();
      cluster = await().atMost(Duration.ofSeconds(20))
          .until(() -> cluster(one), answer -> answer.getList("members.reachable").equals(List.of(true, true, false)));
    } finally {
      lost.terminate();
    }

    assertThat(cluster.getString("members[2].address")).isEqualTo(lostAddress.toString());
    assertThat(cluster.getBoolean("members[2].statsComplete")).isFalse();
    assertThat(cluster.getMap("members[2].entities")).isEmpty();
    assertThat(cluster.getList("members.statsComplete", Boolean.class)).as("the survivors answered for themselves")
        .containsExactly(true, true, false);
    assertThat(cluster.getMap("members[0].entities")).containsKey("Cart");
    assertThat(cluster.getMap("members[1].entities")).containsKey("Cart");
    assertThat(cluster.getBoolean("statsComplete")).isFalse();
  }

  /** Another member of the cluster: a bare actor system that runs no shard region of its own. */
  private static ActorSystem<Void> anotherMember(String settings) {
    Config config = ConfigFactory.parseString(settings + "\npekko.cluster.seed-nodes = " + seeds
            + "\npekko.remote.artery.canonical.port = 0")
        .withFallback(ConfigFactory.parseResources("pekko/cluster.conf"))
        .withFallback(ConfigFactory.parseResources("pekko/serialization.conf"))
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
    return ActorSystem.create(Behaviors.empty(), "monostore", config);
  }

  private static int cartsOn(ConfigurableApplicationContext store) {
    return TestStores.liveEntityIds(store.getBean(ActorSystem.class), Cart.ENTITY_KEY).size();
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
