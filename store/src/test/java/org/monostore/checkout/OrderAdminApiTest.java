package org.monostore.checkout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.monostore.TestUsers.asAdmin;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.monostore.TestUsers;
import org.monostore.payment.SimulatedPaymentGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin's orders over HTTP: the list, the detail, and what only an admin may change. */
@StoreTest
class OrderAdminApiTest {

  private static final String BOOK = "BOOK-000001";

  @LocalServerPort int port;
  @Autowired SimulatedPaymentGateway gateway;
  private Shopper shopper;

  @BeforeEach
  void shopper() {
    shopper = new Shopper(port);
  }

  private JsonPath listed(String query) {
    return asAdmin(port).get("/api/admin/orders?" + query).then().statusCode(200).extract().jsonPath();
  }

  private JsonPath awaitListed(String order, Predicate<JsonPath> caughtUp) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> listed("q=" + order), caughtUp);
  }

  private JsonPath adminOrder(String order) {
    return asAdmin(port).get("/api/admin/orders/" + order).then().statusCode(200).extract().jsonPath();
  }

  private String paidOrder() {
    String order = shopper.payableOrder(BOOK, 2);
    shopper.authorize(order, shopper.paymentOf(order, "tok_approve")).then().statusCode(200);
    return order;
  }

  @Test
  void theListFollowsAnOrderThroughCheckout() {
    String cart = shopper.cartWith(BOOK, 2);
    String order = shopper.orderFor(cart);
    JsonPath created = awaitListed(order, page -> page.getInt("total") == 1);
    assertThat(created.getString("items[0].status")).isEqualTo("CREATED");
    assertThat(created.getString("items[0].cartId")).isEqualTo(cart);
    // Until a payment fixes it, the order costs what its cart holds.
    long cartTotal = shopper.cart(cart).getLong("pricing.total.amount");
    awaitListed(order, page -> page.get("items[0].total") != null && page.getLong("items[0].total.amount") == cartTotal);

    shopper.giveContact(order).then().statusCode(200);
    JsonPath contact = awaitListed(order, page -> "CONTACT_GIVEN".equals(page.getString("items[0].status")));
    assertThat(contact.getString("items[0].email")).isEqualTo("anna.svensson@example.com");
    assertThat(contact.getString("items[0].name")).isEqualTo("Anna Svensson");
    assertThat(listed("q=ANNA.SVENSSON@").getList("items.id")).contains(order);

    String payment = shopper.paymentOf(order, "tok_approve");
    shopper.authorize(order, payment).then().statusCode(200);
    awaitListed(order, page -> "PAYMENT_AUTHORIZED".equals(page.getString("items[0].status")));
    assertThat(listed("status=PAYMENT_AUTHORIZED&q=" + order).getInt("total")).isEqualTo(1);
    assertThat(listed("market=SE&q=" + order).getInt("total")).isEqualTo(1);
    assertThat(listed("market=NO&q=" + order).getInt("total")).isZero();
    assertThat(listed("status=CREATED,CANCELLED&q=" + order).getInt("total")).isZero();
    asAdmin(port).get("/api/admin/orders?status=PAID").then().statusCode(400).body("field", equalTo("status"));
  }

  @Test
  void anAdminChangesTheContactAndIsRecorded() {
    String order = shopper.payableOrder(BOOK, 1);
    Map<String, Object> contact = Shopper.contact();
    contact.put("email", "new.address@example.com");
    asAdmin(port).body(contact).put("/api/admin/orders/" + order + "/contact").then().statusCode(200)
        .body("contact.email", equalTo("new.address@example.com"))
        .body("timeline.find { it.event == 'OrderEditedByAdmin' }.by", equalTo(TestUsers.ADMIN));
    contact.put("email", "not an email");
    asAdmin(port).body(contact).put("/api/admin/orders/" + order + "/contact").then().statusCode(400)
        .body("field", equalTo("email"));
    // The customer sees that the shop changed it, not which admin.
    shopper.order(order).getList("timeline.by").forEach(by -> assertThat(by).isNotEqualTo(TestUsers.ADMIN));
    assertThat(shopper.order(order).getList("timeline.by")).contains("shop");
  }

  @Test
  void cancellingAPaidOrderGivesBackWhatItsPaymentReservedOnce() {
    String order = paidOrder();
    String payment = shopper.order(order).getString("payments[0].id");
    asAdmin(port).post("/api/admin/orders/" + order + "/cancel").then().statusCode(200);

    await().atMost(Duration.ofSeconds(10)).until(
        () -> shopper.order(order).getString("payments[0].status"), "RELEASED"::equals);
    assertThat(gateway.released(payment)).isTrue();
    assertThat(shopper.order(order).getList("timeline.event"))
        .contains("PaymentReleased", "AuthorizationReleased");
    given().port(port).get("/api/orders/" + order + "/payments/" + payment).then().statusCode(200)
        .body("status", equalTo("RELEASED"))
        .body("outcome.code", equalTo("released"));
  }

  @Test
  void anAdminsChangeToALockedCartIsWhatTheCustomerPaysAfterBeingToldTheNewTotal() {
    String order = shopper.payableOrder(BOOK, 2);
    String payment = shopper.paymentOf(order, "tok_approve");
    String cart = shopper.order(order).getString("cartId");
    long before = shopper.order(order).getLong("payments[0].amount.amount");
    assertThat(adminOrder(order).getMap("cartChangedAfterPayment")).as("before the change").isNull();
    asAdmin(port).body(Map.of("sku", "TOYS-000002", "quantity", 1))
        .post("/api/admin/carts/" + cart + "/items?override=true").then().statusCode(200);
    long cartTotal = given().port(port).get("/api/carts/" + cart).then().statusCode(200)
        .extract().jsonPath().getLong("pricing.total.amount");
    assertThat(cartTotal).isGreaterThan(before);
    JsonPath told = adminOrder(order);
    assertThat(told.getString("cartChangedAfterPayment.paymentId")).isEqualTo(payment);
    assertThat(told.getLong("cartChangedAfterPayment.cartTotal.amount")).isEqualTo(cartTotal);
    assertThat(told.getLong("cartChangedAfterPayment.paymentAmount.amount")).isEqualTo(before);
    assertThat(told.getString("cartChangedAfterPayment.note")).contains("The next authorization changes the payment");
    assertThat(told.getLong("pricing.total.amount")).as("the payment's fixed pricing").isEqualTo(before);
    assertThat(shopper.order(order).getString("cartChangedAfterPayment.cartTotal.currency")).isEqualTo("SEK");

    shopper.authorize(order, payment).then().statusCode(409)
        .body("detail", containsString("the total is now"));
    JsonPath repriced = shopper.order(order);
    assertThat(repriced.getMap("cartChangedAfterPayment")).as("once repriced").isNull();
    assertThat(repriced.getLong("payments[0].amount.amount")).isEqualTo(cartTotal);
    assertThat(repriced.getString("payments[0].status")).isEqualTo("INITIATED");
    assertThat(repriced.getList("timeline.event")).contains("PaymentRepriced", "AmountChanged");

    shopper.authorize(order, payment).then().statusCode(200)
        .body("status", equalTo("AUTHORIZED"))
        .body("amount.amount", equalTo((int) cartTotal));
    JsonPath paid = shopper.order(order);
    assertThat(paid.getString("status")).isEqualTo("PAYMENT_AUTHORIZED");
    assertThat(paid.getList("pricing.lines.sku")).contains(BOOK, "TOYS-000002");
  }

  @Test
  void onlyAnAdminCancelsAnOrderWhosePaymentIsAuthorized() {
    String order = paidOrder();
    shopper.post("/api/orders/" + order + "/cancel").then().statusCode(409)
        .body("currentStatus", equalTo("PAYMENT_AUTHORIZED"));
    // Each answer says who may do what: the admin's list is the admin API's, the shop's has none.
    asAdmin(port).get("/api/admin/orders/" + order).then().statusCode(200)
        .body("allowedActions", equalTo(List.of("contact", "createFulfillment")))
        .body("adminActions", equalTo(List.of("contact", "createFulfillment", "cancel")));
    assertThat(shopper.order(order).getList("adminActions")).isNull();
    asAdmin(port).post("/api/admin/orders/" + order + "/cancel").then().statusCode(200)
        .body("adminActions", equalTo(List.of()))
        .body("status", equalTo("CANCELLED"))
        .body("cancelledBy", equalTo(TestUsers.ADMIN));
    asAdmin(port).post("/api/admin/orders/" + order + "/cancel").then().statusCode(409)
        .body("currentStatus", equalTo("CANCELLED"));
    assertThat(shopper.order(order).getString("cancelledBy")).isEqualTo("shop");
    awaitListed(order, page -> "CANCELLED".equals(page.getString("items[0].status")));
  }

  @Test
  void anAdminCancelsAnOrderBeforePaymentAndTheCartOpensAgain() {
    String cart = shopper.cartWith(BOOK, 1);
    String order = shopper.orderFor(cart);
    shopper.giveContact(order).then().statusCode(200);
    shopper.paymentOf(order, "tok_approve");
    assertThat(shopper.cart(cart).getString("status")).isEqualTo("LOCKED");
    asAdmin(port).post("/api/admin/orders/" + order + "/cancel").then().statusCode(200)
        .body("status", equalTo("CANCELLED"));
    assertThat(shopper.cart(cart).getString("status")).isEqualTo("OPEN");
  }

  @Test
  void anAdminShipsTheOrderStepByStepAndCannotCancelItOnceShipped() {
    String order = paidOrder();
    asAdmin(port).post("/api/admin/orders/" + order + "/fulfillment/pick").then().statusCode(409)
        .body("detail", equalTo("The order has no fulfilment yet"));
    asAdmin(port).post("/api/admin/orders/" + order + "/fulfillment").then().statusCode(201)
        .body("status", equalTo("FULFILLMENT_CREATED"))
        .body("fulfillment.status", equalTo("CREATED"));
    asAdmin(port).post("/api/admin/orders/" + order + "/fulfillment/pick").then().statusCode(200)
        .body("fulfillment.status", equalTo("PICKED"));
    asAdmin(port).body(Map.of("trackingNumber", "")).post("/api/admin/orders/" + order + "/fulfillment/ship").then()
        .statusCode(400).body("field", equalTo("trackingNumber"));
    asAdmin(port).body(Map.of("trackingNumber", "PN123456789SE")).post("/api/admin/orders/" + order
        + "/fulfillment/ship").then().statusCode(200)
        .body("fulfillment.status", equalTo("SHIPPED"))
        .body("adminActions", equalTo(List.of("deliver")))
        .body("fulfillment.trackingNumber", equalTo("PN123456789SE"))
        .body("timeline.findAll { it.event == 'FulfillmentEditedByAdmin' }.by",
            equalTo(List.of(TestUsers.ADMIN, TestUsers.ADMIN)));
    asAdmin(port).post("/api/admin/orders/" + order + "/cancel").then().statusCode(409)
        .body("currentStatus", equalTo("SHIPPED"));
    asAdmin(port).post("/api/admin/orders/" + order + "/fulfillment/deliver").then().statusCode(200)
        .body("fulfillment.status", equalTo("DELIVERED"))
        .body("status", not(equalTo("CANCELLED")));
  }

  @Test
  void anAdminCancelsAPaidOrderWithItsFulfilmentBeforeItShips() {
    String order = paidOrder();
    asAdmin(port).post("/api/admin/orders/" + order + "/fulfillment").then().statusCode(201);
    asAdmin(port).post("/api/admin/orders/" + order + "/cancel").then().statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("fulfillment.status", equalTo("CANCELLED"))
        .body("timeline.event", hasItem("FulfillmentCancelled"));
  }
}
