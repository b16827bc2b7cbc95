package org.monostore.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drop on a store process that is killed (kill -9) while its shoppers pay: every payment the store
 * acknowledged as authorized still holds its units after the restart, the units are never oversold,
 * and a reservation whose order never got its payment through is gone once its time has run out.
 */
class StockDropCrashIT {

  private static final String SKU = "TOYS-000150";
  private static final int UNITS = 10;
  private static final int SHOPPERS = 40;
  private static final String PASSWORD = "drop-test";
  private static final Map<String, Object> ADDRESS =
      Map.of("line1", "Storgatan 1", "city", "Stockholm", "postalCode", "111 51", "country", "SE");

  @TempDir Path work;

  @Test
  void aKillDuringADropLosesNoAcknowledgedReservationAndLeavesNoneThatNobodyHolds() throws Exception {
    try (StoreProcesses store = new StoreProcesses(work, 1, List.of(
        "--monostore.admin.password=" + PASSWORD,
        "--monostore.stock.reservation-hold=3s",
        "--logging.level.root=WARN")).startAll()) {
      int port = store.httpPort(1);
      admin(port).body(Map.of("quantity", UNITS)).post("/api/admin/products/" + SKU + "/stock/receipts").then()
          .statusCode(200);
      List<String> orders = new ArrayList<>();
      for (int i = 0; i < SHOPPERS; i++) {
        orders.add(payableOrder(port));
      }

      Set<String> authorized = ConcurrentHashMap.newKeySet();
      AtomicInteger answered = new AtomicInteger();
      try (ExecutorService shoppers = Executors.newFixedThreadPool(SHOPPERS)) {
        for (String order : orders) {
          shoppers.submit(() -> {
            try {
              Response added = json(port).body(Map.of("method", "card", "token", "tok_approve"))
                  .post("/api/orders/" + order + "/payments");
              if (added.statusCode() == 201) {
                Response paid = json(port).post("/api/orders/" + order + "/payments/" + added.path("id") + "/authorize");
                if (paid.statusCode() == 200 && "AUTHORIZED".equals(paid.path("status"))) {
                  authorized.add(order);
                }
              }
            } catch (RuntimeException connectionLost) {
              // The store was killed under this shopper: the request's outcome is not known to it.
            } finally {
              answered.incrementAndGet();
            }
          });
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> !authorized.isEmpty());
        store.kill(1);
      }
      assertThat(answered.get()).isEqualTo(SHOPPERS);
      Set<String> acknowledged = Set.copyOf(authorized);

      store.start(1);
      store.awaitReady(1);
      JsonPath after = stock(port);
      assertThat(after.getList("reservations.orderId", String.class))
          .as("every authorized order still holds its units").containsAll(acknowledged);
      assertThat(after.getLong("reserved")).as("never more than there is").isLessThanOrEqualTo(UNITS);
      assertThat(after.getLong("onHand")).isEqualTo(UNITS);

      // Reservations of orders whose payment never reached the gateway run out with their time.
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        List<String> holders = stock(port).getList("reservations.orderId", String.class);
        for (String holder : holders) {
          assertThat(given().port(port).get("/api/orders/" + holder).then().statusCode(200).extract()
              .<String>path("status")).as("order %s holding units", holder).isEqualTo("PAYMENT_AUTHORIZED");
        }
      });
      JsonPath settled = stock(port);
      assertThat(settled.getLong("available")).isEqualTo(UNITS - settled.getLong("reserved"));
    }
  }

  private static io.restassured.specification.RequestSpecification json(int port) {
    return given().port(port).contentType(ContentType.JSON);
  }

  private static io.restassured.specification.RequestSpecification admin(int port) {
    return json(port).auth().preemptive().basic("admin", PASSWORD);
  }

  private static JsonPath stock(int port) {
    return admin(port).get("/api/admin/products/" + SKU + "/stock").then().statusCode(200).extract().jsonPath();
  }

  private static String payableOrder(int port) {
    String cart = json(port).post("/api/carts").then().statusCode(201).extract().path("id");
    json(port).body(Map.of("sku", SKU, "quantity", 1)).post("/api/carts/" + cart + "/items").then().statusCode(200);
    String order = json(port).body(Map.of("cartId", cart)).post("/api/orders").then().statusCode(201)
        .extract().path("id");
    json(port).body(Map.of("email", "drop@example.com", "name", "A shopper", "shippingAddress", ADDRESS))
        .put("/api/orders/" + order + "/contact").then().statusCode(200);
    return order;
  }
}
