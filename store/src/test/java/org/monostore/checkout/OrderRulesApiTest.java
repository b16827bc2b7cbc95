package org.monostore.checkout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.monostore.Problems.problem;
import static org.monostore.TestUsers.asAdmin;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.monostore.StoreTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The order's state machine and its input checks over real HTTP: every illegal transition is a 409
 * naming the current status and what it allows, every bad input a 400 naming the field, and neither
 * changes the order.
 */
@StoreTest
class OrderRulesApiTest {

  private static final String PEN = "OFFC-000003";

  @LocalServerPort int port;
  private Shopper shopper;

  @BeforeEach
  void shopper() {
    shopper = new Shopper(port);
  }

  // Illegal transitions

  @Test
  void aNewOrderTakesNoPaymentBeforeContactInformation() {
    String order = shopper.orderFor(shopper.cartWith(PEN, 1));

    problem(shopper.addPayment(order, "tok_approve"), 409)
        .body("currentStatus", equalTo("CREATED"))
        .body("allowed", contains("contact", "cancel"))
        .body("detail", containsString("contact information first"));
    problem(shopper.post("/api/orders/" + order + "/fulfillment"), 409).body("currentStatus", equalTo("CREATED"));
    assertThat(shopper.order(order).getList("payments")).isEmpty();
  }

  @Test
  void anOrderWithContactTakesNoFulfilmentBeforeItsPaymentIsAuthorized() {
    String order = shopper.payableOrder(PEN, 1);

    problem(shopper.post("/api/orders/" + order + "/fulfillment"), 409)
        .body("currentStatus", equalTo("CONTACT_GIVEN"))
        .body("allowed", contains("contact", "addPayment", "cancel"));
    String payment = shopper.paymentOf(order, "tok_approve");
    problem(shopper.post("/api/orders/" + order + "/fulfillment"), 409)
        .body("currentStatus", equalTo("PAYMENT_ADDED"))
        .body("allowed", contains("contact", "authorize", "cancel"));
    problem(shopper.addPayment(order, "tok_approve"), 409)
        .body("detail", containsString(payment + " is added and not yet authorized"));
    assertThat(shopper.order(order).getList("payments")).hasSize(1);
  }

  @Test
  void aPaidOrderIsFulfilledOnceAndCanNoLongerBeCancelledOrPaidAgain() {
    String order = shopper.payableOrder(PEN, 1);
    shopper.authorize(order, shopper.paymentOf(order, "tok_approve")).then().statusCode(200);

    problem(shopper.addPayment(order, "tok_approve"), 409).body("currentStatus", equalTo("PAYMENT_AUTHORIZED"))
        .body("allowed", contains("contact", "createFulfillment"));
    String fulfillment = shopper.post("/api/orders/" + order + "/fulfillment").then().statusCode(201)
        .extract().path("id");

    problem(shopper.post("/api/orders/" + order + "/fulfillment"), 409)
        .body("currentStatus", equalTo("FULFILLMENT_CREATED"))
        .body("detail", containsString(fulfillment));
    problem(shopper.post("/api/orders/" + order + "/cancel"), 409).body("currentStatus", equalTo("FULFILLMENT_CREATED"));
    problem(shopper.giveContact(order), 409).body("currentStatus", equalTo("FULFILLMENT_CREATED"));
    assertThat(shopper.order(order).getString("fulfillment.id")).isEqualTo(fulfillment);
  }

  @Test
  void aCancelledOrderAllowsNothing() {
    String order = shopper.payableOrder(PEN, 1);
    shopper.post("/api/orders/" + order + "/cancel").then().statusCode(200);

    problem(shopper.post("/api/orders/" + order + "/cancel"), 409).body("currentStatus", equalTo("CANCELLED"));
    problem(shopper.giveContact(order), 409).body("currentStatus", equalTo("CANCELLED"));
    problem(shopper.addPayment(order, "tok_approve"), 409).body("currentStatus", equalTo("CANCELLED"));
    problem(shopper.post("/api/orders/" + order + "/fulfillment"), 409).body("currentStatus", equalTo("CANCELLED"));
    assertThat(shopper.order(order).getList("allowedActions")).isEmpty();
  }

  @Test
  void anOrderNeedsACartThatExistsAndIsNotLocked() {
    problem(api().body(Map.of("cartId", UUID.randomUUID().toString())).post("/api/orders"), 400)
        .body("field", equalTo("cartId"));
    String order = shopper.payableOrder(PEN, 1);
    String cart = shopper.order(order).getString("cartId");
    shopper.paymentOf(order, "tok_approve");

    problem(api().body(Map.of("cartId", cart)).post("/api/orders"), 409).body("currentStatus", equalTo("LOCKED"));
  }

  @Test
  void anEmptyCartCannotBePaidFor() {
    String order = shopper.orderFor(shopper.newCart());
    shopper.giveContact(order).then().statusCode(200);

    problem(shopper.addPayment(order, "tok_approve"), 409).body("detail", containsString("empty"));
    assertThat(shopper.order(order).getString("status")).isEqualTo("CONTACT_GIVEN");
  }

  @Test
  void unknownOrdersAndPaymentsAre404AndMalformedIdsAre400() {
    String unknown = UUID.randomUUID().toString();
    problem(given().port(port).get("/api/orders/" + unknown), 404);
    problem(shopper.giveContact(unknown), 404);
    problem(shopper.post("/api/orders/" + unknown + "/cancel"), 404);
    problem(given().port(port).get("/api/orders/not-an-order"), 400).body("field", equalTo("orderId"));
    problem(given().port(port).get("/api/orders/" + unknown.toUpperCase()), 400).body("field", equalTo("orderId"));

    String order = shopper.payableOrder(PEN, 1);
    problem(shopper.authorize(order, unknown), 404);
    problem(shopper.authorize(order, "not-a-payment"), 400).body("field", equalTo("paymentId"));
    problem(given().port(port).get("/api/orders/" + order + "/payments/" + unknown), 404);
  }

  // Bad input

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"cartId\": null}", "{\"cartId\": \"abc\"}", "{\"cartId\": 42}",
      "{\"cartId\": \"3F2504E0-4F89-11D3-9A0C-0305E82C3301\"}"})
  void aBadCartIdIsA400NamingIt(String body) {
    problem(api().body(body).post("/api/orders"), 400).body("field", equalTo("cartId"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "email=not-an-email", "email=anna@localhost", "email=", "email=a b@example.com", "email=null",
    "name=", "name=   ", "name=null", "name=Anna\u0000Svensson",
    "phone=call me", "phone=+",
    "shippingAddress.postalCode=null", "shippingAddress.postalCode=", "shippingAddress.postalCode=<script>",
    "shippingAddress.country=XX", "shippingAddress.country=se", "shippingAddress.country=SWE",
    "shippingAddress.line1=", "shippingAddress.city=null", "shippingAddress=null",
    "billingAddress.postalCode=null", "billingAddress.country=ZZ"
  })
  void badContactInformationIsA400NamingTheFieldAndChangesNothing(String change) {
    String order = shopper.payableOrder(PEN, 1);
    Map<String, Object> before = orderWithoutTimeline(order);
    String field = change.substring(0, change.indexOf('='));

    problem(shopper.giveContact(order, contactWith(field, change.substring(change.indexOf('=') + 1))), 400)
        .body("field", equalTo(field));

    assertThat(orderWithoutTimeline(order)).isEqualTo(before);
  }

  @Test
  void aBillingAddressIsOptionalAndKeptWhenGiven() {
    String order = shopper.orderFor(shopper.cartWith(PEN, 1));
    Map<String, Object> contact = Shopper.contact();
    contact.put("billingAddress", Map.of("line1", "Box 12", "city", "Göteborg", "postalCode", "40010",
        "country", "SE"));
    contact.remove("phone");

    shopper.giveContact(order, contact).then().statusCode(200)
        .body("contact.billingAddress.city", equalTo("Göteborg"))
        .body("contact.phone", equalTo(null));
    shopper.giveContact(order).then().statusCode(200).body("contact.billingAddress", equalTo(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"method\": \"cash\", \"token\": \"tok_approve\"}", "{\"token\": \"tok_approve\"}",
      "{\"method\": \"card\"}", "{\"method\": \"card\", \"token\": \"\"}",
      "{\"method\": \"card\", \"token\": \"tok approve; DROP TABLE\"}"})
  void aBadPaymentRequestIsA400NamingTheFieldAndAddsNoPayment(String body) {
    String order = shopper.payableOrder(PEN, 1);
    String field = body.contains("\"method\": \"card\"") ? "token" : "method";

    problem(api().body(body).post("/api/orders/" + order + "/payments"), 400).body("field", equalTo(field));

    assertThat(shopper.order(order).getList("payments")).isEmpty();
    assertThat(shopper.cart(shopper.order(order).getString("cartId")).getString("status")).isEqualTo("OPEN");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "key with spaces", "a-key-longer-than-255-characters"})
  void aBadIdempotencyKeyIsA400(String key) {
    if (key.startsWith("a-key-longer")) {
      key = "k".repeat(256);
    }
    String order = shopper.payableOrder(PEN, 1);
    String payment = shopper.paymentOf(order, "tok_approve");

    problem(shopper.authorize(order, payment, key), 400).body("field", equalTo("Idempotency-Key"));
    assertThat(shopper.order(order).getList("payments.status")).containsExactly("INITIATED");
  }

  @Test
  void aTrackingNumberIsNeededToShip() {
    String order = shopper.payableOrder(PEN, 1);
    shopper.authorize(order, shopper.paymentOf(order, "tok_approve")).then().statusCode(200);
    String fulfillment = shopper.post("/api/orders/" + order + "/fulfillment").then().extract().path("id");
    shopper.warehouse(fulfillment, "pick").then().statusCode(200);

    problem(asAdmin(port).body("{}").post("/api/fulfillments/" + fulfillment + "/ship"), 400)
        .body("field", equalTo("trackingNumber"));
    assertThat(shopper.order(order).getString("fulfillment.status")).isEqualTo("PICKED");
    assertThat(shopper.order(order).getList("timeline.event", String.class)).isNotEmpty();
    assertThat(shopper.order(order).getList("payments")).isNotEmpty();
    problem(shopper.warehouse(fulfillment, "deliver"), 409)
        .body("allowed", contains("ship", "cancel"));
  }

  private RequestSpecification api() {
    return given().port(port).contentType(ContentType.JSON);
  }

  private Map<String, Object> orderWithoutTimeline(String order) {
    Map<String, Object> view = new HashMap<>(shopper.order(order).getMap("$"));
    view.remove("timeline");
    return view;
  }

  /** The standard contact with one field, possibly of an address, replaced; "null" leaves it out. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> contactWith(String field, String value) {
    Map<String, Object> contact = Shopper.contact();
    contact.put("billingAddress", new HashMap<>(Shopper.ADDRESS));
    Map<String, Object> target = contact;
    String name = field;
    if (field.contains(".")) {
      String address = field.substring(0, field.indexOf('.'));
      target = new HashMap<>((Map<String, Object>) contact.get(address));
      contact.put(address, target);
      name = field.substring(field.indexOf('.') + 1);
    }
    if (value.equals("null")) {
      target.remove(name);
    } else {
      target.put(name, value);
    }
    return contact;
  }
}
