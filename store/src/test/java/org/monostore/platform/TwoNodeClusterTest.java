package org.monostore.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monostore.TestStores;
import org.monostore.cart.Cart;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two stores in one JVM, each with its own actor system on its own port, forming one cluster over one
 * journal: a cart lives on one of the nodes, and either node reaches it.
 */
class TwoNodeClusterTest {

  @TempDir Path databaseFolder;

  @Test
  void aCartChangedThroughOneNodeIsReadWithItsChangesThroughTheOther() throws IOException {
    int seedPort = TestStores.freePort();
    String seeds = "[\"pekko://monostore@127.0.0.1:" + seedPort + "\"]";
    try (EmbeddedPostgres database = EmbeddedDatabase.start(databaseFolder, 0);
        ConfigurableApplicationContext first = TestStores.onDatabase(url(database), Map.of(
            "pekko.remote.artery.canonical.port", String.valueOf(seedPort), "pekko.cluster.seed-nodes", seeds));
        ConfigurableApplicationContext second = TestStores.onDatabase(url(database), Map.of(
            "pekko.remote.artery.canonical.port", "0", "pekko.cluster.seed-nodes", seeds))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> upMembers(first) == 2 && upMembers(second) == 2);
      int one = TestStores.httpPort(first);
      int two = TestStores.httpPort(second);

      List<String> carts = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        int writer = i % 2 == 0 ? one : two;
        String cart = given().port(writer).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201).extract().path("id");
        given().port(writer).contentType(ContentType.JSON).body(Map.of("sku", "ELEC-000001", "quantity", 1 + i % 5))
            .post("/api/carts/" + cart + "/items").then().statusCode(200);
        carts.add(cart);
      }

      for (int i = 0; i < carts.size(); i++) {
        int reader = i % 2 == 0 ? two : one;
        given().port(reader).get("/api/carts/" + carts.get(i)).then()
            .statusCode(200)
            .body("lines[0].sku", equalTo("ELEC-000001"))
            .body("lines[0].quantity", equalTo(1 + i % 5));
      }
      assertThat(hostedCarts(first)).as("carts living on the first node").isPositive();
      assertThat(hostedCarts(second)).as("carts living on the second node").isPositive();
    }
  }

  private static String url(EmbeddedPostgres database) {
    return "jdbc:postgresql://localhost:" + database.getPort() + "/postgres";
  }

  private static long upMembers(ConfigurableApplicationContext store) {
    var cluster = Cluster.get(store.getBean(ActorSystem.class));
    return StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
        .filter(member -> member.status() == MemberStatus.up())
        .count();
  }

  private static int hostedCarts(ConfigurableApplicationContext store) {
    return TestStores.liveEntityIds(store.getBean(ActorSystem.class), Cart.ENTITY_KEY).size();
  }
}
