package org.monostore.checkout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A cart taken to a delivered order over real HTTP, and orders cancelled on the way. */
@StoreTest
class CheckoutApiTest {

  private static final String BOOK = "BOOK-000001";
  private static final String LAMP = "ELEC-000001";

  @LocalServerPort int port;
  private Shopper shopper;

  @BeforeEach
  void shopper() {
    shopper = new Shopper(port);
  }

  @Test
  void aCartBecomesADeliveredOrder() {
    String cart = shopper.cartWith(BOOK, 2);

    JsonPath created = given().port(port).contentType(ContentType.JSON).body(Map.of("cartId", cart))
        .post("/api/orders").then().statusCode(201)
        .header("Location", matchesPattern("/api/orders/[0-9a-f-]{36}"))
        .body("cartId", equalTo(cart))
        .body("status", equalTo("CREATED"))
        .body("pricingFixed", equalTo(false))
        .extract().jsonPath();
    String order = created.getString("id");
    long bookTotal = created.getLong("pricing.total.amount");

    // Until a payment is added, the cart stays editable and the order costs what it holds now.
    shopper.add(cart, LAMP, 1).then().statusCode(200);
    long lampPrice = shopper.cart(cart).getLong("lines[1].lineTotal.amount");
    assertThat(shopper.order(order).getLong("pricing.total.amount")).isEqualTo(bookTotal + lampPrice);
    assertThat(shopper.order(order).getList("pricing.tax.rates.rate", Float.class)).containsExactly(25.0f, 6.0f);

    shopper.giveContact(order).then().statusCode(200)
        .body("status", equalTo("CONTACT_GIVEN"))
        .body("contact.email", equalTo("anna.svensson@example.com"))
        .body("contact.shippingAddress.postalCode", equalTo("111 51"));

    JsonPath payment = shopper.addPayment(order, "tok_approve").then().statusCode(201)
        .body("status", equalTo("INITIATED"))
        .extract().jsonPath();
    assertThat(payment.getLong("amount.amount")).isEqualTo(bookTotal + lampPrice);
    assertThat(payment.getString("amount.currency")).isEqualTo("SEK");

    // The payment locked the cart: it refuses changes and the order's amount is fixed.
    assertThat(shopper.cart(cart).getString("status")).isEqualTo("LOCKED");
    shopper.add(cart, BOOK, 1).then().statusCode(409).body("currentStatus", equalTo("LOCKED"));
    assertThat(shopper.order(order).getBoolean("pricingFixed")).isTrue();

    shopper.authorize(order, payment.getString("id")).then().statusCode(200)
        .body("status", equalTo("AUTHORIZED"))
        .body("outcome.code", equalTo("approved"))
        .body("outcome.authorizationCode", matchesPattern("SIM-\\d+"));
    assertThat(shopper.order(order).getString("status")).isEqualTo("PAYMENT_AUTHORIZED");
    assertThat(shopper.cart(cart).getString("status")).isEqualTo("CHECKED_OUT");

    String fulfillment = shopper.post("/api/orders/" + order + "/fulfillment").then().statusCode(201)
        .header("Location", matchesPattern("/api/fulfillments/[0-9a-f-]{36}"))
        .body("status", equalTo("CREATED"))
        .extract().path("id");
    shopper.warehouse(fulfillment, "pick").then().statusCode(200).body("status", equalTo("PICKED"));
    shopper.ship(fulfillment, "PN-123456789-SE").then().statusCode(200).body("status", equalTo("SHIPPED"));
    shopper.warehouse(fulfillment, "deliver").then().statusCode(200)
        .body("status", equalTo("DELIVERED"));

    JsonPath delivered = shopper.order(order);
    assertThat(delivered.getString("status")).isEqualTo("FULFILLMENT_CREATED");
    assertThat(delivered.getString("fulfillment.status")).isEqualTo("DELIVERED");
    assertThat(delivered.getString("fulfillment.trackingNumber")).isEqualTo("PN-123456789-SE");
    assertThat(delivered.getList("payments.status")).containsExactly("AUTHORIZED");
    List<String> events = delivered.getList("timeline.event");
    assertThat(events).containsSubsequence("OrderCreated", "ContactGiven", "PaymentInitiated", "PaymentAdded",
        "AuthorizationRequested", "PaymentAuthorized", "FulfillmentCreated");
    assertThat(events).contains("ParcelDelivered");
    assertThat(detailOf(delivered, "ParcelShipped")).isEqualTo("PN-123456789-SE");
    assertThat(detailOf(delivered, "PaymentInitiated")).endsWith(" SEK by card");
    assertThat(detailOf(delivered, "PaymentAuthorized")).matches("code SIM-\\d+");
    List<Instant> times = delivered.getList("timeline.at", String.class).stream().map(Instant::parse).toList();
    assertThat(times).isSorted();
  }

  @Test
  void cancellingBeforePaymentLeavesTheCartOpen() {
    String cart = shopper.cartWith(BOOK, 1);
    String order = shopper.orderFor(cart);

    shopper.post("/api/orders/" + order + "/cancel").then().statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("cancelledBy", equalTo("customer"));

    shopper.add(cart, BOOK, 1).then().statusCode(200);
    shopper.giveContact(order).then().statusCode(409).body("currentStatus", equalTo("CANCELLED"));
  }

  @Test
  void cancellingAfterADeclinedPaymentUnlocksTheCart() {
    String order = shopper.payableOrder(BOOK, 1);
    String cart = shopper.order(order).getString("cartId");
    String payment = shopper.paymentOf(order, "tok_decline_insufficient_funds");
    shopper.authorize(order, payment).then().statusCode(200).body("status", equalTo("DECLINED"));
    assertThat(shopper.cart(cart).getString("status")).isEqualTo("LOCKED");
    assertThat(detailOf(shopper.order(order), "PaymentDeclined")).as("the timeline says why").isNotBlank()
        .isEqualTo(shopper.order(order).getString("payments[0].outcome.message"));

    shopper.post("/api/orders/" + order + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));

    assertThat(shopper.cart(cart).getString("status")).isEqualTo("OPEN");
    shopper.add(cart, BOOK, 1).then().statusCode(200);
  }

  @Test
  void cancellingAnAddedPaymentsOrderUnlocksTheCartAndTheCartCanBeOrderedAgain() {
    String order = shopper.payableOrder(BOOK, 1);
    String cart = shopper.order(order).getString("cartId");
    shopper.paymentOf(order, "tok_approve");

    shopper.post("/api/orders/" + order + "/cancel").then().statusCode(200);

    String again = shopper.orderFor(cart);
    shopper.giveContact(again).then().statusCode(200);
    String payment = shopper.paymentOf(again, "tok_approve");
    shopper.authorize(again, payment).then().statusCode(200).body("status", equalTo("AUTHORIZED"));
    shopper.authorize(order, payment).then().statusCode(404);
  }

  @Test
  void cancellingAfterAuthorizationIsForAnAdmin() {
    String order = shopper.payableOrder(BOOK, 1);
    String payment = shopper.paymentOf(order, "tok_approve");
    shopper.authorize(order, payment).then().statusCode(200);

    shopper.post("/api/orders/" + order + "/cancel").then().statusCode(409)
        .body("currentStatus", equalTo("PAYMENT_AUTHORIZED"))
        .body("detail", matchesPattern(".*only an admin can cancel.*"));
    assertThat(shopper.order(order).getString("status")).isEqualTo("PAYMENT_AUTHORIZED");
  }

  /** The detail of the timeline's first entry of this event. */
  private static String detailOf(JsonPath order, String event) {
    List<Map<String, Object>> timeline = order.getList("timeline");
    return timeline.stream().filter(entry -> event.equals(entry.get("event"))).findFirst()
        .map(entry -> (String) entry.get("detail")).orElseThrow();
  }
}
