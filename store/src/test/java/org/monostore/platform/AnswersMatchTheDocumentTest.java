package org.monostore.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.monostore.TestUsers;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole session, a shopper's and an admin's, in which every answer, success and problem alike, must
 * match the store's OpenAPI document for its path, method and status: what a generated client expects.
 * Every call goes through one filter ({@link DocumentedAnswers}), and the test counts that they did.
 */
@StoreTest
class AnswersMatchTheDocumentTest {

  private static final String BOOK = "BOOK-000001";
  private static final String MUG = "KITC-000002";
  private static final String NOBODY = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

  @LocalServerPort int port;

  private DocumentedAnswers document;
  private int calls;

  @BeforeEach
  void readTheDocument() {
    document = DocumentedAnswers.of(port);
  }

  @Test
  void everyAnswerOfAShoppingAndAnAdminSessionMatchesTheDocument() throws Exception {
    browseTheCatalog();
    String cart = editACart();
    String paid = checkOutWithEachPaymentOutcome(cart);
    fulfil(paid);
    administer();

    assertThat(document.checked()).as("every call was checked against the document").isEqualTo(calls);
    assertThat(document.mismatches()).as("answers that do not match the document").isEmpty();
  }

  private void browseTheCatalog() {
    expect(200, shop().get("/api/products?category=Books&page=0&size=3"));
    expect(200, shop().get("/api/products?q=zzzz-nothing-matches"));
    expect(200, shop().get("/api/products/" + BOOK));
    expect(200, shop().get("/api/products/" + BOOK + "?market=FI"));
    expect(400, shop().get("/api/products?size=1000"));
    expect(400, shop().get("/api/products/" + BOOK + "?market=XX"));
    expect(404, shop().get("/api/products/BOOK-999999"));
  }

  private String editACart() {
    String cart = expect(201, shop().post("/api/carts")).path("id");
    expect(201, shop().body(Map.of("market", "FI")).post("/api/carts"));
    expect(400, shop().body(Map.of("market", "XX")).post("/api/carts"));
    expect(200, shop().get("/api/carts/" + cart));
    expect(404, shop().get("/api/carts/" + NOBODY));
    expect(400, shop().get("/api/carts/not-a-cart-id"));

    expect(200, shop().body(Map.of("sku", BOOK, "quantity", 2)).post(items(cart)));
    expect(400, shop().body(Map.of("sku", BOOK, "quantity", 0)).post(items(cart)));
    expect(400, shop().body("{\"sku\": ").post(items(cart)));
    expect(400, shop().body(Map.of("sku", "BOOK-999999", "quantity", 1)).post(items(cart)));
    expect(200, shop().post(items(cart) + "/" + BOOK + "/increase"));
    expect(200, shop().body(Map.of("by", 2)).post(items(cart) + "/" + BOOK + "/increase"));
    expect(200, shop().post(items(cart) + "/" + BOOK + "/decrease"));
    expect(404, shop().post(items(cart) + "/" + MUG + "/decrease"));
    expect(200, shop().body(Map.of("quantity", 3)).put(items(cart) + "/" + BOOK));
    expect(200, shop().delete(items(cart) + "/" + BOOK));
    expect(200, shop().body(Map.of("sku", MUG, "quantity", 1)).post(items(cart)));
    expect(200, shop().delete(items(cart)));
    expect(200, shop().body(Map.of("sku", BOOK, "quantity", 1)).post(items(cart)));
    return cart;
  }

  /** Orders paid with each of the simulated gateway's outcomes; answers the order that was paid. */
  private String checkOutWithEachPaymentOutcome(String cart) throws InterruptedException {
    expect(400, shop().body(Map.of()).post("/api/orders"));
    expect(400, shop().body(Map.of("cartId", NOBODY)).post("/api/orders"));
    String order = expect(201, shop().body(Map.of("cartId", cart)).post("/api/orders")).path("id");
    expect(200, shop().get("/api/orders/" + order));
    expect(200, shop().get("/api/carts/" + cart));
    expect(409, shop().body(Map.of("method", "card", "token", "tok_approve")).post(payments(order)));
    expect(400, shop().body(Map.of("email", "not an email")).put("/api/orders/" + order + "/contact"));
    expect(200, shop().body(contactWithBilling()).put("/api/orders/" + order + "/contact"));
    expect(200, shop().body(contact()).put("/api/orders/" + order + "/contact"));

    String declined = expect(201, shop().body(Map.of("method", "card", "token", "tok_decline_insufficient_funds"))
        .post(payments(order))).path("id");
    expect(409, shop().body(Map.of("sku", MUG, "quantity", 1)).post(items(cart)));
    expect(200, shop().post(payments(order) + "/" + declined + "/authorize"));
    String failed = expect(201, shop().body(Map.of("method", "card", "token", "tok_gateway_error"))
        .post(payments(order))).path("id");
    expect(200, shop().header("Idempotency-Key", "contract-failed").post(payments(order) + "/" + failed + "/authorize"));
    expect(400, shop().header("Idempotency-Key", "with spaces").post(payments(order) + "/" + failed + "/authorize"));
    String slow = expect(201, shop().body(Map.of("method", "card", "token", "tok_timeout"))
        .post(payments(order))).path("id");
    expect(200, shop().post(payments(order) + "/" + slow + "/authorize"));
    expect(409, shop().post("/api/orders/" + order + "/cancel"));
    // The slow token answers after 2 s, past the test store's 1 s timeout: asking again learns the approval.
    Thread.sleep(Duration.ofSeconds(2).toMillis());
    expect(200, shop().post(payments(order) + "/" + slow + "/authorize"));
    expect(200, shop().get(payments(order) + "/" + slow));
    expect(404, shop().get(payments(order) + "/" + NOBODY));
    expect(200, shop().get("/api/carts/" + cart));
    expect(409, shop().body(Map.of("sku", MUG, "quantity", 1)).post(items(cart)));

    String cancelled = orderOf(BOOK);
    expect(200, shop().post("/api/orders/" + cancelled + "/cancel"));
    expect(409, shop().post("/api/orders/" + cancelled + "/cancel"));
    expect(200, shop().get("/api/orders/" + cancelled));
    expect(200, shop().get("/api/orders/" + order));
    return order;
  }

  private void fulfil(String order) {
    expect(409, shop().post("/api/orders/" + orderOf(MUG) + "/fulfillment"));
    String fulfillment = expect(201, shop().post("/api/orders/" + order + "/fulfillment")).path("id");
    expect(409, shop().post("/api/orders/" + order + "/fulfillment"));
    expect(200, admin().get("/api/fulfillments/" + fulfillment));
    expect(404, admin().get("/api/fulfillments/" + NOBODY));
    expect(409, admin().body(Map.of("trackingNumber", "PN123456789SE")).post(fulfilment(fulfillment, "ship")));
    expect(200, admin().post(fulfilment(fulfillment, "pick")));
    expect(400, admin().body(Map.of("trackingNumber", "")).post(fulfilment(fulfillment, "ship")));
    expect(200, admin().body(Map.of("trackingNumber", "PN123456789SE")).post(fulfilment(fulfillment, "ship")));
    expect(409, admin().post(fulfilment(fulfillment, "cancel")));
    expect(200, admin().post(fulfilment(fulfillment, "deliver")));
    expect(200, shop().get("/api/orders/" + order));

    String another = paidOrder();
    String cancelled = expect(201, shop().post("/api/orders/" + another + "/fulfillment")).path("id");
    expect(200, admin().post(fulfilment(cancelled, "cancel")));
    expect(200, shop().get("/api/orders/" + another));
  }

  private void administer() {
    expect(401, anonymous().get("/api/admin/dashboard"));
    expect(403, anonymous().auth().preemptive().basic(TestUsers.NOT_ADMIN, TestUsers.NOT_ADMIN_PASSWORD)
        .get("/api/admin/orders"));
    String token = expect(401, anonymous().get("/api/admin/session")).cookie("XSRF-TOKEN");
    expect(401, signIn(token, "wrong-password"));
    Response signedIn = expect(200, signIn(token, TestUsers.ADMIN_PASSWORD));
    Supplier<RequestSpecification> session = () -> anonymous().cookie("JSESSIONID", signedIn.cookie("JSESSIONID"))
        .cookie("XSRF-TOKEN", signedIn.cookie("XSRF-TOKEN")).header("X-XSRF-TOKEN", signedIn.cookie("XSRF-TOKEN"));
    expect(200, session.get().get("/api/admin/session"));
    expect(200, session.get().get("/api/admin/dashboard"));
    expect(200, session.get().get("/api/admin/cluster"));

    String cart = expect(201, shop().post("/api/carts")).path("id");
    expect(200, admin().get("/api/admin/carts?status=OPEN&status=LOCKED&sort=updatedAt&direction=desc&page=0&size=5"));
    expect(400, admin().get("/api/admin/carts?sort=colour"));
    expect(200, admin().body(Map.of("sku", BOOK, "quantity", 2)).post("/api/admin/carts/" + cart + "/items"));
    expect(200, admin().post("/api/admin/carts/" + cart + "/items/" + BOOK + "/increase"));
    expect(200, admin().body(Map.of("by", 1)).post("/api/admin/carts/" + cart + "/items/" + BOOK + "/decrease"));
    expect(200, admin().body(Map.of("quantity", 4)).put("/api/admin/carts/" + cart + "/items/" + BOOK));
    expect(200, admin().delete("/api/admin/carts/" + cart + "/items/" + BOOK));
    expect(200, admin().delete("/api/admin/carts/" + cart + "/items"));
    expect(200, admin().get("/api/admin/carts/" + cart));
    expect(404, admin().get("/api/admin/carts/" + NOBODY));

    String order = paidOrder();
    String locked = expect(200, shop().get("/api/orders/" + order)).path("cartId");
    expect(409, admin().body(Map.of("sku", MUG, "quantity", 1)).post("/api/admin/carts/" + locked + "/items"));
    expect(200, admin().get("/api/admin/carts/" + locked));
    expect(200, admin().get("/api/admin/orders?status=PAYMENT_AUTHORIZED&page=0&size=5"));
    expect(400, admin().get("/api/admin/orders?status=SOMEWHERE"));
    expect(200, admin().get("/api/admin/orders/" + order));
    expect(404, admin().get("/api/admin/orders/" + NOBODY));
    expect(200, session.get().body(contact()).put("/api/admin/orders/" + order + "/contact"));
    expect(201, admin().post("/api/admin/orders/" + order + "/fulfillment"));
    expect(200, admin().post("/api/admin/orders/" + order + "/fulfillment/pick"));
    expect(200, admin().post("/api/admin/orders/" + order + "/cancel"));
    expect(409, admin().post("/api/admin/orders/" + order + "/fulfillment/deliver"));
    expect(200, admin().get("/api/admin/orders/" + order));
    expect(200, admin().get("/api/admin/dashboard"));
    expect(204, session.get().delete("/api/admin/session"));
  }

  private String orderOf(String sku) {
    String cart = expect(201, shop().post("/api/carts")).path("id");
    expect(200, shop().body(Map.of("sku", sku, "quantity", 1)).post(items(cart)));
    String order = expect(201, shop().body(Map.of("cartId", cart)).post("/api/orders")).path("id");
    expect(200, shop().body(contact()).put("/api/orders/" + order + "/contact"));
    return order;
  }

  private String paidOrder() {
    String order = orderOf(MUG);
    String payment = expect(201, shop().body(Map.of("method", "card", "token", "tok_approve"))
        .post(payments(order))).path("id");
    expect(200, shop().post(payments(order) + "/" + payment + "/authorize"));
    return order;
  }

  private Response signIn(String token, String password) {
    return anonymous().cookie("XSRF-TOKEN", token).header("X-XSRF-TOKEN", token)
        .body(Map.of("username", TestUsers.ADMIN, "password", password)).post("/api/admin/session");
  }

  /** The call answered the status the session expects; its answer is checked against the document anyway. */
  private Response expect(int status, Response response) {
    calls++;
    assertThat(response.statusCode()).as("answered " + response.asString()).isEqualTo(status);
    return response;
  }

  private RequestSpecification shop() {
    return anonymous();
  }

  private RequestSpecification admin() {
    return anonymous().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
  }

  private RequestSpecification anonymous() {
    return given().port(port).contentType(ContentType.JSON).filter(document);
  }

  private static String items(String cart) {
    return "/api/carts/" + cart + "/items";
  }

  private static String payments(String order) {
    return "/api/orders/" + order + "/payments";
  }

  private static String fulfilment(String fulfillment, String action) {
    return "/api/fulfillments/" + fulfillment + "/" + action;
  }

  private static Map<String, Object> contact() {
    Map<String, Object> contact = new HashMap<>();
    contact.put("email", "anna.svensson@example.com");
    contact.put("name", "Anna Svensson");
    contact.put("phone", "+46 70 123 45 67");
    contact.put("shippingAddress", Map.of("line1", "Storgatan 1", "city", "Stockholm", "postalCode", "111 51",
        "country", "SE"));
    return contact;
  }

  private static Map<String, Object> contactWithBilling() {
    Map<String, Object> contact = contact();
    contact.put("billingAddress", Map.of("line1", "Box 12", "line2", "c/o Svensson", "city", "Uppsala",
        "postalCode", "751 05", "country", "SE"));
    return contact;
  }
}
