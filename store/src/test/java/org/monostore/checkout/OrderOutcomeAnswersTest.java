package org.monostore.checkout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.monostore.promotion.OrderOutcomes.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an order says became of it, for a promotion whose use of it stayed reserved and for a stock whose
 * reservation for it ran out: asked of real orders.
 */
@StoreTest
class OrderOutcomeAnswersTest {

  private static final String SKU = "OFFC-000036";

  @LocalServerPort int port;
  @Autowired OrderOutcomeAnswers answers;

  private Outcome outcomeOf(String order) throws Exception {
    return answers.of(order).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void anAuthorizedOrderIsPaidAndAnOpenPaymentIsStillPaying() throws Exception {
    Shopper shopper = new Shopper(port);
    String paying = shopper.payableOrder(SKU, 1);
    String payment = shopper.paymentOf(paying, "tok_approve");

    assertThat(outcomeOf(paying)).isEqualTo(Outcome.PAYING);

    shopper.authorize(paying, payment).then().statusCode(200);
    assertThat(outcomeOf(paying)).isEqualTo(Outcome.PAID);
  }

  @Test
  void aDeclinedPaymentACancelledOrderAndNoOrderAtAllHoldNoUse() throws Exception {
    Shopper shopper = new Shopper(port);
    String declined = shopper.payableOrder(SKU, 1);
    shopper.authorize(declined, shopper.paymentOf(declined, "tok_decline_insufficient_funds")).then()
        .statusCode(200);
    String cancelled = shopper.payableOrder(SKU, 1);
    shopper.paymentOf(cancelled, "tok_approve");
    given().port(port).post("/api/orders/" + cancelled + "/cancel").then().statusCode(200);

    assertThat(outcomeOf(declined)).isEqualTo(Outcome.NOT_PAID);
    assertThat(outcomeOf(cancelled)).isEqualTo(Outcome.NOT_PAID);
    assertThat(outcomeOf(shopper.payableOrder(SKU, 1))).as("no payment added").isEqualTo(Outcome.NOT_PAID);
    assertThat(outcomeOf(UUID.randomUUID().toString())).isEqualTo(Outcome.NOT_PAID);
  }

  private boolean paidFor(String order, String sku) throws Exception {
    return answers.paidFor(order, sku).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void forTheStockAnOrderIsPaidForTheProductsItPaysForOnceItsPaymentIsAuthorized() throws Exception {
    Shopper shopper = new Shopper(port);
    String order = shopper.payableOrder(SKU, 1);
    String payment = shopper.paymentOf(order, "tok_approve");
    assertThat(paidFor(order, SKU)).as("a payment added, not authorized").isFalse();

    shopper.authorize(order, payment).then().statusCode(200);

    assertThat(paidFor(order, SKU)).isTrue();
    assertThat(paidFor(order, "OFFC-000037")).as("a product it does not pay for").isFalse();
    assertThat(paidFor(UUID.randomUUID().toString(), SKU)).as("no such order").isFalse();
  }
}
