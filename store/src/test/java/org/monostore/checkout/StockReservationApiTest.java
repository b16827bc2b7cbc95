package org.monostore.checkout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.monostore.TestUsers.asAdmin;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Adding a payment reserves the order's goods, all lines or none; authorizing holds them until the
 * parcel ships, which takes them off hand; a decline or a cancel gives them back. SKUs no other test
 * buys, each test its own.
 */
@StoreTest
class StockReservationApiTest {

  @LocalServerPort int port;

  private JsonPath stock(String sku) {
    return asAdmin(port).get("/api/admin/products/" + sku + "/stock").then().statusCode(200).extract().jsonPath();
  }

  private void receive(String sku, int units) {
    asAdmin(port).body(Map.of("quantity", units)).post("/api/admin/products/" + sku + "/stock/receipts").then()
        .statusCode(200);
  }

  private List<String> holders(String sku) {
    return stock(sku).getList("reservations.orderId");
  }

  @Test
  void aPaymentReservesTheGoodsAuthorizingHoldsThemAndShippingTakesThemOffHand() {
    String sku = "SPRT-000111";
    receive(sku, 3);
    Shopper shopper = new Shopper(port);
    String order = shopper.payableOrder(sku, 2);

    String payment = shopper.paymentOf(order, "tok_approve");
    JsonPath reserved = stock(sku);
    assertThat(reserved.getLong("available")).isEqualTo(1);
    assertThat(reserved.getString("reservations[0].orderId")).isEqualTo(order);
    assertThat(reserved.getString("reservations[0].until")).as("until the hold runs out").isNotNull();

    shopper.authorize(order, payment).then().statusCode(200).body("status", equalTo("AUTHORIZED"));
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(stock(sku).getMap("reservations[0]"))
        .as("held until the parcel ships").containsEntry("until", null));
    assertThat(stock(sku).getLong("available")).isEqualTo(1);

    String fulfillment = shopper.post("/api/orders/" + order + "/fulfillment").then().statusCode(201)
        .extract().path("id");
    shopper.warehouse(fulfillment, "pick").then().statusCode(200);
    shopper.ship(fulfillment, "TRACK-1").then().statusCode(200);
    await().atMost(Duration.ofSeconds(5))
        .until(() -> stock(sku).getLong("committed") == 2);
    JsonPath shipped = stock(sku);
    assertThat(shipped.getLong("onHand")).isEqualTo(1);
    assertThat(shipped.getLong("available")).isEqualTo(1);
    assertThat(shipped.getList("reservations")).isEmpty();
  }

  @Test
  void aLineThatCannotBeReservedRefusesThePaymentNamingItAndLeavesNothingReserved() {
    String plenty = "SPRT-000112";
    String scarce = "SPRT-000113";
    receive(plenty, 10);
    receive(scarce, 1);
    Shopper shopper = new Shopper(port);
    String cart = shopper.cartWith(plenty, 2);
    shopper.add(cart, scarce, 2).then().statusCode(200);
    String order = shopper.orderFor(cart);
    shopper.giveContact(order).then().statusCode(200);

    Response refused = shopper.addPayment(order, "tok_approve");

    refused.then().statusCode(409).contentType("application/problem+json")
        .body("sku", equalTo(scarce)).body("available", equalTo(1)).body("detail", containsString(scarce));
    assertThat(shopper.cart(cart).getString("status")).as("the cart is open again").isEqualTo("OPEN");
    assertThat(holders(plenty)).as("the line that was reserved is released").doesNotContain(order);
    assertThat(holders(scarce)).doesNotContain(order);
    assertThat(stock(plenty).getLong("available")).isEqualTo(10);
    assertThat(shopper.order(order).getList("payments")).isEmpty();

    setLine(cart, scarce, 1);
    shopper.paymentOf(order, "tok_approve");
    assertThat(holders(scarce)).containsExactly(order);
  }

  /** Sets the cart's line to {@code quantity}. */
  private void setLine(String cart, String sku, int quantity) {
    given().port(port).contentType("application/json").body(Map.of("quantity", quantity))
        .put("/api/carts/" + cart + "/items/" + sku).then().statusCode(200);
  }

  @Test
  void aDeclinedPaymentAndACancelledOrderGiveTheGoodsBack() {
    String sku = "SPRT-000114";
    receive(sku, 1);
    Shopper shopper = new Shopper(port);
    String declined = shopper.payableOrder(sku, 1);
    String payment = shopper.paymentOf(declined, "tok_decline_insufficient_funds");
    assertThat(stock(sku).getLong("available")).isZero();

    shopper.authorize(declined, payment).then().statusCode(200).body("status", equalTo("DECLINED"));
    await().atMost(Duration.ofSeconds(5))
        .until(() -> stock(sku).getLong("available") == 1);

    String cancelled = shopper.payableOrder(sku, 1);
    shopper.paymentOf(cancelled, "tok_approve");
    assertThat(holders(sku)).containsExactly(cancelled);
    shopper.post("/api/orders/" + cancelled + "/cancel").then().statusCode(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> holders(sku).isEmpty());
    assertThat(stock(sku).getLong("available")).isEqualTo(1);
  }

  private static final int SHOPPERS = 24;
  private static final int UNITS = 5;

  /**
   * A drop: more shoppers than units pay at once. Each round adds {@code UNITS} units to what the
   * rounds before left held, and exactly that many of its shoppers get them and pay.
   */
  @RepeatedTest(5)
  void shoppersPayingAtOnceForFewerUnitsGetExactlyTheUnitsAndTheRestAreToldItIsSoldOut() throws Exception {
    String sku = "SPRT-000115";
    Shopper shopper = new Shopper(port);
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < SHOPPERS; i++) {
      orders.add(shopper.payableOrder(sku, 1));
    }
    long heldBefore = stock(sku).getLong("reserved");
    receive(sku, UNITS);

    List<Response> answers = new ArrayList<>();
    try (ExecutorService shoppers = Executors.newFixedThreadPool(SHOPPERS)) {
      List<Future<Response>> paying = new ArrayList<>();
      for (String order : orders) {
        paying.add(shoppers.submit(() -> {
          Response added = shopper.addPayment(order, "tok_approve");
          if (added.statusCode() != 201) {
            return added;
          }
          return shopper.authorize(order, added.path("id"));
        }));
      }
      for (Future<Response> answer : paying) {
        answers.add(answer.get());
      }
    }

    long paid = answers.stream().filter(answer -> answer.statusCode() == 200).count();
    assertThat(paid).isEqualTo(UNITS);
    for (Response answer : answers) {
      if (answer.statusCode() != 200) {
        answer.then().statusCode(409).body("sku", equalTo(sku)).body("available", equalTo(0));
      }
    }
    List<String> paidOrders = orders.stream()
        .filter(order -> "PAYMENT_AUTHORIZED".equals(shopper.order(order).getString("status"))).toList();
    assertThat(paidOrders).hasSize(UNITS);
    JsonPath after = stock(sku);
    assertThat(after.getLong("reserved")).isEqualTo(heldBefore + UNITS);
    assertThat(after.getLong("available")).isZero();
    assertThat(after.getList("reservations.orderId")).containsAll(paidOrders);
  }
}
