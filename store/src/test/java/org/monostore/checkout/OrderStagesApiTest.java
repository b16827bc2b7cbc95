package org.monostore.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.monostore.TestUsers.asAdmin;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Where each order stands, in the admin's list and in the order itself: the same stage, the latest
 * payment's and the live fulfilment's statuses beside the order's own, a filter by stage, and the
 * dashboard's count of orders that need attention.
 */
@StoreTest
class OrderStagesApiTest {

  private static final String BOOK = "BOOK-000003";

  @LocalServerPort int port;
  private Shopper shopper;

  @BeforeEach
  void shopper() {
    shopper = new Shopper(port);
  }

  /** The order's row in the list once it says what the order itself says now. */
  private JsonPath listedAsItStands(String order, String stage, String payment, String fulfillment) {
    JsonPath view = asAdmin(port).get("/api/admin/orders/" + order).then().statusCode(200).extract().jsonPath();
    assertThat(view.getString("stage")).isEqualTo(stage);
    JsonPath row = await().atMost(Duration.ofSeconds(10)).until(
        () -> asAdmin(port).get("/api/admin/orders?q=" + order).then().statusCode(200).extract().jsonPath(),
        page -> page.getInt("behind") == 0 && stage.equals(page.getString("items[0].stage"))
            && Objects.equals(payment, page.getString("items[0].paymentStatus"))
            && Objects.equals(fulfillment, page.getString("items[0].fulfillmentStatus")));
    assertThat(row.getString("items[0].status")).isEqualTo(view.getString("status"));
    assertThat(asAdmin(port).get("/api/admin/orders?stage=" + stage + "&q=" + order).then().statusCode(200)
        .extract().jsonPath().getInt("total")).isEqualTo(1);
    return row;
  }

  @Test
  void theListSaysWhereAnOrderStandsFromItsFirstStepToItsDelivery() {
    String order = shopper.orderFor(shopper.cartWith(BOOK, 1));
    listedAsItStands(order, "AWAITING_CONTACT", null, null);
    shopper.giveContact(order).then().statusCode(200);
    listedAsItStands(order, "AWAITING_PAYMENT", null, null);
    String declined = shopper.paymentOf(order, "tok_decline_insufficient_funds");
    listedAsItStands(order, "AWAITING_AUTHORIZATION", "INITIATED", null);
    shopper.authorize(order, declined).then().statusCode(200);
    listedAsItStands(order, "PAYMENT_DECLINED", "DECLINED", null);
    // The list stays with the latest payment: a new one is awaiting its authorization.
    String approved = shopper.paymentOf(order, "tok_approve");
    listedAsItStands(order, "AWAITING_AUTHORIZATION", "INITIATED", null);
    shopper.authorize(order, approved).then().statusCode(200);
    listedAsItStands(order, "PAID", "AUTHORIZED", null);

    String fulfillment = asAdmin(port).post("/api/admin/orders/" + order + "/fulfillment").then().statusCode(201)
        .extract().path("fulfillment.id");
    listedAsItStands(order, "TO_BE_PICKED", "AUTHORIZED", "CREATED");
    shopper.warehouse(fulfillment, "pick").then().statusCode(200);
    listedAsItStands(order, "PICKED", "AUTHORIZED", "PICKED");
    shopper.ship(fulfillment, "PN000000001SE").then().statusCode(200);
    listedAsItStands(order, "SHIPPED", "AUTHORIZED", "SHIPPED");
    shopper.warehouse(fulfillment, "deliver").then().statusCode(200);
    listedAsItStands(order, "DELIVERED", "AUTHORIZED", "DELIVERED");
  }

  @Test
  void aCancelledFulfilmentLeavesAPaidOrderWaitingForTheNextAndACancelledOrderSaysSo() {
    String order = shopper.paidOrder(BOOK, 1);
    asAdmin(port).post("/api/admin/orders/" + order + "/fulfillment").then().statusCode(201);
    listedAsItStands(order, "TO_BE_PICKED", "AUTHORIZED", "CREATED");
    asAdmin(port).post("/api/admin/orders/" + order + "/fulfillment/cancel").then().statusCode(200);
    listedAsItStands(order, "PAID", "AUTHORIZED", null);
    asAdmin(port).post("/api/admin/orders/" + order + "/cancel").then().statusCode(200);
    listedAsItStands(order, "CANCELLED", "RELEASED", null);
  }

  @Test
  void aFailedAndAPendingPaymentAreToldApart() {
    String failed = shopper.payableOrder(BOOK, 1);
    shopper.authorize(failed, shopper.paymentOf(failed, "tok_gateway_error")).then().statusCode(200);
    listedAsItStands(failed, "PAYMENT_FAILED", "FAILED", null);
    String pending = shopper.payableOrder(BOOK, 1);
    shopper.authorize(pending, shopper.paymentOf(pending, "tok_timeout")).then().statusCode(200)
        .body("status", equalTo("PENDING"));
    listedAsItStands(pending, "PAYMENT_PENDING", "PENDING", null);
  }

  @Test
  void theDashboardCountsTheOrdersThatNeedAttentionByStage() {
    JsonPath before = settled();
    String declined = shopper.payableOrder(BOOK, 1);
    shopper.authorize(declined, shopper.paymentOf(declined, "tok_decline_expired_card")).then().statusCode(200);
    String paid = shopper.paidOrder(BOOK, 1);
    JsonPath after = await().atMost(Duration.ofSeconds(10)).until(this::dashboard,
        now -> count(now, "PAYMENT_DECLINED") == count(before, "PAYMENT_DECLINED") + 1
            && count(now, "PAID") == count(before, "PAID") + 1);
    assertThat(count(after, "PAYMENT_FAILED")).isEqualTo(count(before, "PAYMENT_FAILED"));
    assertThat(after.getMap("ordersNeedingAttention").keySet())
        .containsExactly("PAYMENT_DECLINED", "PAYMENT_FAILED", "PAYMENT_PENDING", "PAID");

    // Fulfilling the paid one and cancelling the declined one is acting on both.
    asAdmin(port).post("/api/admin/orders/" + paid + "/fulfillment").then().statusCode(201);
    asAdmin(port).post("/api/admin/orders/" + declined + "/cancel").then().statusCode(200);
    await().atMost(Duration.ofSeconds(10)).until(this::dashboard,
        now -> count(now, "PAYMENT_DECLINED") == count(before, "PAYMENT_DECLINED")
            && count(now, "PAID") == count(before, "PAID"));
  }

  @Test
  void anUnknownStageIsRefusedNamingTheParameter() {
    asAdmin(port).get("/api/admin/orders?stage=LOST").then().statusCode(400)
        .body("field", equalTo("stage"))
        .body("detail", containsString("PAYMENT_DECLINED"));
  }

  private JsonPath dashboard() {
    return asAdmin(port).get("/api/admin/dashboard").then().statusCode(200).extract().jsonPath();
  }

  /** The dashboard once the orders list has every change made before: what other tests did is in it. */
  private JsonPath settled() {
    await().atMost(Duration.ofSeconds(10)).until(
        () -> asAdmin(port).get("/api/admin/orders?size=1").then().extract().jsonPath().getInt("behind") == 0);
    return dashboard();
  }

  private static long count(JsonPath dashboard, String stage) {
    return dashboard.getLong("ordersNeedingAttention." + stage);
  }
}
