package org.monostore.cart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.Test;
import org.monostore.IdleStoreTest;
import org.monostore.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An idle cart goes to sleep after the idle timeout, and the next call wakes it with every line. */
@IdleStoreTest
class CartPassivationTest {

  @LocalServerPort int port;
  @Autowired ActorSystem<Void> system;

  @Test
  void anIdleCartPassivatesAndWakesWithItsLinesIntact() {
    String cart = given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201).extract().path("id");
    given().port(port).contentType(ContentType.JSON).body(Map.of("sku", "GRDN-000001", "quantity", 3))
        .post("/api/carts/" + cart + "/items").then().statusCode(200);
    given().port(port).contentType(ContentType.JSON).body(Map.of("sku", "BEAU-000001", "quantity", 1))
        .post("/api/carts/" + cart + "/items").then().statusCode(200);
    var before = given().port(port).get("/api/carts/" + cart).then().extract().jsonPath().getMap("$");
    assertThat(liveCarts()).contains(cart);

    await().atMost(Duration.ofSeconds(30)).until(() -> !liveCarts().contains(cart));

    given().port(port).get("/api/carts/" + cart).then()
        .statusCode(200)
        .body("lines[0].sku", equalTo("GRDN-000001"))
        .body("lines[0].quantity", equalTo(3))
        .body("lines[1].sku", equalTo("BEAU-000001"));
    assertThat(given().port(port).get("/api/carts/" + cart).then().extract().jsonPath().getMap("$")).isEqualTo(before);
    assertThat(liveCarts()).contains(cart);
  }

  private Set<String> liveCarts() {
    return TestStores.liveEntityIds(system, Cart.ENTITY_KEY);
  }
}
