package org.monostore.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.monostore.TestUsers.asAdmin;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin's override edit of a locked cart racing the customer's authorization: whatever the
 * interleaving, what the gateway charged, the order's fixed pricing, the checked-out cart and the
 * fulfilment's items agree. An edit that lands before the cart is held for the gateway reprices the
 * payment (the customer is told once and authorizes the new total); one that comes while the payment is
 * at the gateway, or after, is refused with 409.
 */
@StoreTest
class OverrideDuringAuthorizationTest {

  private static final int RACES = 40;
  private static final String SKU = "TOYS-000003";

  @LocalServerPort int port;
  private Shopper shopper;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @BeforeEach
  void shopper() {
    shopper = new Shopper(port);
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void anOverrideWhileThePaymentIsAtTheGatewayIsRefusedAndThePaymentIsForTheCartAsHeld() {
    String order = shopper.payableOrder(SKU, 1);
    String cart = shopper.order(order).getString("cartId");
    String payment = shopper.paymentOf(order, "tok_timeout");

    // The slow token keeps the payment at the gateway past the store's timeout: PENDING.
    CompletableFuture<Response> authorizing =
        CompletableFuture.supplyAsync(() -> shopper.authorize(order, payment), threads);
    await().atMost(Duration.ofSeconds(10)).until(() -> timelineEvents(cart).contains("CartHeldForAuthorization"));

    Response atTheGateway = overrideIncrease(cart);
    assertThat(atTheGateway.statusCode()).isEqualTo(409);
    assertThat(atTheGateway.jsonPath().getString("detail")).contains("payment gateway");
    assertThat(authorizing.join().then().statusCode(200).extract().jsonPath().getString("status"))
        .isEqualTo("PENDING");

    assertThat(overrideIncrease(cart).statusCode()).as("a pending payment may hold the money: the cart stays held")
        .isEqualTo(409);
    await().atMost(Duration.ofSeconds(15)).until(() ->
        shopper.authorize(order, payment).jsonPath().getString("status").equals("AUTHORIZED"));

    assertAgree(order, cart, 1);
  }

  @Test
  void anOverrideRacingTheAuthorizationIsEitherPaidForOrRefused() throws Exception {
    int repriced = 0;
    int refused = 0;
    for (int race = 0; race < RACES; race++) {
      String order = shopper.payableOrder(SKU, 1);
      String cart = shopper.order(order).getString("cartId");
      String payment = shopper.paymentOf(order, "tok_approve");

      CountDownLatch start = new CountDownLatch(1);
      CompletableFuture<Response> authorization = CompletableFuture.supplyAsync(() -> {
        waitFor(start);
        return shopper.authorize(order, payment);
      }, threads);
      CompletableFuture<Response> edit = CompletableFuture.supplyAsync(() -> {
        waitFor(start);
        return overrideIncrease(cart);
      }, threads);
      start.countDown();

      int authorized = authorization.get().statusCode();
      int edited = edit.get().statusCode();
      if (authorized == 409) {
        // The edit landed before the hold: the customer learns the new total and pays it.
        assertThat(edited).isEqualTo(200);
        assertThat(authorization.get().jsonPath().getString("detail")).contains("the total is now");
        shopper.authorize(order, payment).then().statusCode(200);
        repriced++;
      } else {
        assertThat(authorized).isEqualTo(200);
        assertThat(edited).as("an edit after the cart was held for the gateway is refused").isEqualTo(409);
        refused++;
      }
      assertAgree(order, cart, edited == 200 ? 3 : 1);
    }
    assertThat(repriced + refused).isEqualTo(RACES);
  }

  /** The gateway's amount, the order's pricing, the cart as checked out and the fulfilment say the same. */
  private void assertAgree(String order, String cart, int quantity) {
    JsonPath paid = shopper.order(order);
    assertThat(paid.getString("status")).isEqualTo("PAYMENT_AUTHORIZED");
    long charged = paid.getLong("payments.find { it.status == 'AUTHORIZED' }.amount.amount");
    assertThat(paid.getLong("pricing.total.amount")).isEqualTo(charged);
    assertThat(paid.getInt("pricing.lines[0].quantity")).isEqualTo(quantity);
    await().atMost(Duration.ofSeconds(5)).until(() -> shopper.cart(cart).getString("status").equals("CHECKED_OUT"));
    JsonPath checkedOut = shopper.cart(cart);
    assertThat(checkedOut.getLong("pricing.total.amount")).isEqualTo(charged);
    assertThat(checkedOut.getList("lines.quantity")).isEqualTo(List.of(quantity));

    List<Integer> shipped = asAdmin(port).post("/api/admin/orders/" + order + "/fulfillment").then().statusCode(201)
        .extract().jsonPath().getList("fulfillment.items.quantity");
    assertThat(shipped).isEqualTo(List.of(quantity));
  }

  private Response overrideIncrease(String cart) {
    return asAdmin(port).body(Map.of("by", 2)).post("/api/admin/carts/" + cart + "/items/" + SKU + "/increase?override=true");
  }

  private List<String> timelineEvents(String cart) {
    return asAdmin(port).get("/api/admin/carts/" + cart).then().statusCode(200).extract().jsonPath()
        .getList("timeline.event");
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
