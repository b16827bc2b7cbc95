package org.monostore.checkout;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.monostore.TestUsers;

/** A customer going through checkout over HTTP; each step checks only that it succeeded. */
final class Shopper {

  static final Map<String, Object> ADDRESS =
      Map.of("line1", "Storgatan 1", "city", "Stockholm", "postalCode", "111 51", "country", "SE");

  private final int port;

  Shopper(int port) {
    this.port = port;
  }

  String newCart() {
    return given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201)
        .extract().path("id");
  }

  String cartWith(String sku, int quantity) {
    String cart = newCart();
    add(cart, sku, quantity);
    return cart;
  }

  Response add(String cart, String sku, int quantity) {
    return given().port(port).contentType(ContentType.JSON).body(Map.of("sku", sku, "quantity", quantity))
        .post("/api/carts/" + cart + "/items");
  }

  JsonPath cart(String cart) {
    return given().port(port).get("/api/carts/" + cart).then().statusCode(200).extract().jsonPath();
  }

  String orderFor(String cart) {
    return given().port(port).contentType(ContentType.JSON).body(Map.of("cartId", cart)).post("/api/orders")
        .then().statusCode(201).extract().path("id");
  }

  /** An order of its own cart, with contact information given: ready for a payment. */
  String payableOrder(String sku, int quantity) {
    String order = orderFor(cartWith(sku, quantity));
    giveContact(order).then().statusCode(200);
    return order;
  }

  /** An order of its own cart, paid: its payment authorized with the approving test token. */
  String paidOrder(String sku, int quantity) {
    String order = payableOrder(sku, quantity);
    authorize(order, paymentOf(order, "tok_approve")).then().statusCode(200);
    return order;
  }

  Response giveContact(String order) {
    return giveContact(order, contact());
  }

  Response giveContact(String order, Map<String, Object> contact) {
    return given().port(port).contentType(ContentType.JSON).body(contact).put("/api/orders/" + order + "/contact");
  }

  static Map<String, Object> contact() {
    Map<String, Object> contact = new HashMap<>();
    contact.put("email", "anna.svensson@example.com");
    contact.put("name", "Anna Svensson");
    contact.put("phone", "+46 70 123 45 67");
    contact.put("shippingAddress", ADDRESS);
    return contact;
  }

  Response addPayment(String order, String token) {
    return given().port(port).contentType(ContentType.JSON).body(Map.of("method", "card", "token", token))
        .post("/api/orders/" + order + "/payments");
  }

  String paymentOf(String order, String token) {
    return addPayment(order, token).then().statusCode(201).extract().path("id");
  }

  Response authorize(String order, String payment) {
    return given().port(port).contentType(ContentType.JSON)
        .post("/api/orders/" + order + "/payments/" + payment + "/authorize");
  }

  Response authorize(String order, String payment, String idempotencyKey) {
    return given().port(port).contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
        .post("/api/orders/" + order + "/payments/" + payment + "/authorize");
  }

  /** A fulfilment's step, which only the shop takes: as the admin, with HTTP Basic. */
  Response warehouse(String fulfillment, String step) {
    return TestUsers.asAdmin(port).post("/api/fulfillments/" + fulfillment + "/" + step);
  }

  Response ship(String fulfillment, String trackingNumber) {
    return TestUsers.asAdmin(port).body(Map.of("trackingNumber", trackingNumber))
        .post("/api/fulfillments/" + fulfillment + "/ship");
  }

  Response post(String path) {
    return given().port(port).contentType(ContentType.JSON).post(path);
  }

  JsonPath order(String order) {
    return given().port(port).get("/api/orders/" + order).then().statusCode(200).extract().jsonPath();
  }
}
