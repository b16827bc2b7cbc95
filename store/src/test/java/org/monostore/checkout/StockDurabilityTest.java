package org.monostore.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.monostore.TestUsers.asAdmin;

import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monostore.TestStores;
import org.monostore.TestUsers;
import org.monostore.stock.Stock;
import org.springframework.context.ConfigurableApplicationContext;

/** A reservation outlives its entity's sleep and the store's restart, and one whose time runs out frees its units. */
class StockDurabilityTest {

  private static final String SKU = "SPRT-000116";
  private static final String ADMIN = "monostore.admin.password";

  @TempDir Path databaseFolder;

  private static JsonPath stock(int port) {
    return asAdmin(port).get("/api/admin/products/" + SKU + "/stock").then().statusCode(200).extract().jsonPath();
  }

  @Test
  void aReservationSurvivesPassivationAndARestartAndTheOrderPaysWithIt() {
    Map<String, Object> sleepy = Map.of(ADMIN, TestUsers.ADMIN_PASSWORD,
        "pekko.cluster.sharding.passivation.default-idle-strategy.idle-entity.timeout", "1s");
    String order;
    String payment;
    try (ConfigurableApplicationContext store = TestStores.withEmbeddedDatabase(databaseFolder, sleepy)) {
      int port = TestStores.httpPort(store);
      asAdmin(port).body(Map.of("quantity", 2)).post("/api/admin/products/" + SKU + "/stock/receipts").then()
          .statusCode(200);
      Shopper shopper = new Shopper(port);
      order = shopper.payableOrder(SKU, 1);
      payment = shopper.paymentOf(order, "tok_approve");
      ActorSystem<?> system = store.getBean(ActorSystem.class);
      await().atMost(Duration.ofSeconds(20))
          .until(() -> !TestStores.liveEntityIds(system, Stock.ENTITY_KEY).contains(SKU));

      JsonPath woken = stock(port);
      assertThat(woken.getList("reservations.orderId")).containsExactly(order);
      assertThat(woken.getLong("available")).isEqualTo(1);
    }

    try (ConfigurableApplicationContext restarted = TestStores.withEmbeddedDatabase(databaseFolder,
        Map.of(ADMIN, TestUsers.ADMIN_PASSWORD))) {
      int port = TestStores.httpPort(restarted);
      JsonPath recovered = stock(port);
      assertThat(recovered.getList("reservations.orderId")).containsExactly(order);
      assertThat(recovered.getLong("available")).isEqualTo(1);

      new Shopper(port).authorize(order, payment).then().statusCode(200).body("status", equalTo("AUTHORIZED"));
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(stock(port).getMap("reservations[0]"))
          .as("held until the parcel ships").containsEntry("until", null));
    }
  }

  @Test
  void unitsWhoseReservationRanOutGoToTheNextOrderAndTheFirstCannotPayForThem() {
    try (ConfigurableApplicationContext store = TestStores.withEmbeddedDatabase(databaseFolder,
        Map.of(ADMIN, TestUsers.ADMIN_PASSWORD, "monostore.stock.reservation-hold", "2s"))) {
      int port = TestStores.httpPort(store);
      asAdmin(port).body(Map.of("quantity", 1)).post("/api/admin/products/" + SKU + "/stock/receipts").then()
          .statusCode(200);
      Shopper shopper = new Shopper(port);
      String first = shopper.payableOrder(SKU, 1);
      String firstPayment = shopper.paymentOf(first, "tok_approve");
      String next = shopper.payableOrder(SKU, 1);
      shopper.addPayment(next, "tok_approve").then().statusCode(409).body("available", equalTo(0));

      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
          .until(() -> shopper.addPayment(next, "tok_approve").statusCode() == 201);
      assertThat(stock(port).getList("reservations.orderId")).containsExactly(next);

      shopper.authorize(first, firstPayment).then().statusCode(409).body("sku", equalTo(SKU))
          .body("available", equalTo(0));
      assertThat(shopper.order(first).getString("status")).isEqualTo("PAYMENT_ADDED");
      assertThat(stock(port).getList("reservations.orderId")).containsExactly(next);
    }
  }
}
