package org.monostore.cart;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.Test;
import org.monostore.IdleStoreTest;
import org.monostore.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A cart that went to sleep wakes remembering its Idempotency-Keys: a repeat after the sleep is not made again. */
@IdleStoreTest
class CartKeyPassivationTest {

  private static final String SKU = "GRDN-000001";

  @LocalServerPort int port;
  @Autowired ActorSystem<Void> system;

  @Test
  void aKeyedIncreaseRepeatedAfterTheCartSleptIsNotMadeAgain() {
    String cart = given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201)
        .extract().path("id");
    given().port(port).contentType(ContentType.JSON).body(Map.of("sku", SKU, "quantity", 1))
        .post("/api/carts/" + cart + "/items").then().statusCode(200);
    String key = UUID.randomUUID().toString();
    increase(cart, key).then().statusCode(200).header("Idempotent-Replayed", nullValue())
        .body("lines[0].quantity", equalTo(3));

    await().atMost(Duration.ofSeconds(30)).until(() -> !TestStores.liveEntityIds(system, Cart.ENTITY_KEY).contains(cart));

    increase(cart, key).then().statusCode(200).header("Idempotent-Replayed", "true")
        .body("lines[0].quantity", equalTo(3));
    given().port(port).contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("by", 1))
        .post("/api/carts/" + cart + "/items/" + SKU + "/increase").then().statusCode(422);
  }

  private Response increase(String cart, String key) {
    return given().port(port).contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("by", 2))
        .post("/api/carts/" + cart + "/items/" + SKU + "/increase");
  }
}
