package org.monostore.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.monostore.TestUsers.asAdmin;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.monostore.TestStores;
import org.monostore.TestUsers;
import org.monostore.cart.Cart;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The admin's cluster page on a one-node store of its own (no other test's carts in it), whose
 * entities stay awake for the test's length, so that every cart it wakes is counted.
 */
@StoreTest
@TestPropertySource(properties = "pekko.cluster.sharding.passivation.default-idle-strategy.idle-entity.timeout=1h")
class ClusterAdminApiTest {

  @LocalServerPort int port;
  @Autowired ActorSystem<Void> system;

  private JsonPath cluster() {
    return asAdmin(port).get("/api/admin/cluster").then().statusCode(200).extract().jsonPath();
  }

  /** A store just started may not have joined itself, nor registered every region, quite yet. */
  private JsonPath settledCluster() {
    return await().atMost(Duration.ofSeconds(20)).until(this::cluster, cluster -> cluster.getBoolean("statsComplete"));
  }

  @Test
  void onlyAnAdminSeesTheCluster() {
    given().port(port).get("/api/admin/cluster").then().statusCode(401).contentType("application/problem+json");
    given().port(port).auth().preemptive().basic(TestUsers.NOT_ADMIN, TestUsers.NOT_ADMIN_PASSWORD)
        .get("/api/admin/cluster").then().statusCode(403).contentType("application/problem+json");
  }

  @Test
  void theOneNodeIsUpAndItselfTheLeaderTheOldestAndTheNodeThatAnswered() {
    JsonPath cluster = settledCluster();
    String self = Cluster.get(system).selfMember().address().toString();

    assertThat(cluster.getString("answeredBy.address")).isEqualTo(self);
    assertThat(cluster.getInt("answeredBy.httpPort")).isEqualTo(port);
    assertThat(cluster.getString("leader")).isEqualTo(self);
    assertThat(cluster.getString("oldest")).isEqualTo(self);
    assertThat(cluster.getList("members")).hasSize(1);
    assertThat(cluster.getString("members[0].address")).isEqualTo(self);
    assertThat(cluster.getString("members[0].status")).isEqualTo("Up");
    assertThat(cluster.getBoolean("members[0].reachable")).isTrue();
    assertThat(cluster.getBoolean("members[0].self")).isTrue();
    assertThat(cluster.getList("members[0].roles", String.class)).contains("dc-default");
    assertThat(cluster.getList("entityKinds", String.class))
        .contains("Cart", "Product", "PurchaseOrder", "Payment", "Fulfillment");
    assertThat(cluster.getBoolean("statsComplete")).isTrue();
    assertThat(cluster.getBoolean("members[0].statsComplete")).isTrue();
  }

  @Test
  void theCartCountIsTheNumberOfCartsWokenAndTheirShardsAreCounted() {
    JsonPath start = settledCluster();
    int before = start.getInt("members[0].entities.Cart");
    int shardsBefore = start.getInt("members[0].shards");
    int carts = 7;
    for (int i = 0; i < carts; i++) {
      String cart = given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201)
          .extract().path("id");
      given().port(port).contentType(ContentType.JSON).body(Map.of("sku", "BOOK-000001", "quantity", 1))
          .post("/api/carts/" + cart + "/items").then().statusCode(200);
    }

    JsonPath after = cluster();
    assertThat(after.getInt("members[0].entities.Cart")).isEqualTo(before + carts)
        .isEqualTo(TestStores.liveEntityIds(system, Cart.ENTITY_KEY).size());
    assertThat(after.getInt("members[0].entities.Product")).as("the product the carts asked for").isPositive();
    assertThat(after.getInt("members[0].shards")).isGreaterThan(shardsBefore);
  }
}
