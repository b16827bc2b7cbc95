package org.monostore.cart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.monostore.Problems.problem;
import static org.monostore.TestUsers.asAdmin;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.monostore.TestUsers;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin's carts over HTTP: the list from the read model, the detail with its timeline, and edits. */
@StoreTest
class CartAdminApiTest {

  private static final String BOOK = "BOOK-000001";
  private static final String LAMP = "ELEC-000001";

  @LocalServerPort int port;

  private String cartWith(String sku, int quantity) {
    String cart = given().port(port).contentType(ContentType.JSON).body(Map.of("market", "SE")).post("/api/carts")
        .then().statusCode(201).extract().path("id");
    given().port(port).contentType(ContentType.JSON).body(Map.of("sku", sku, "quantity", quantity))
        .post("/api/carts/" + cart + "/items").then().statusCode(200);
    return cart;
  }

  private JsonPath listed(String query) {
    return asAdmin(port).get("/api/admin/carts?" + query).then().statusCode(200).extract().jsonPath();
  }

  /** The read model catches up with the carts a moment after each change. */
  private JsonPath awaitListed(String cart, String query, java.util.function.Predicate<JsonPath> caughtUp) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> listed(query + "&q=" + cart), caughtUp);
  }

  @Test
  void theListFiltersByMarketAndRefusesAnUnknownOne() {
    String cart = given().port(port).contentType(ContentType.JSON).body(Map.of("market", "NO")).post("/api/carts")
        .then().statusCode(201).extract().path("id");
    given().port(port).contentType(ContentType.JSON).body(Map.of("sku", BOOK, "quantity", 1))
        .post("/api/carts/" + cart + "/items").then().statusCode(200);
    awaitListed(cart, "status=OPEN&market=NO", page -> page.getInt("total") == 1);
    assertThat(listed("market=SE&q=" + cart).getInt("total")).isZero();
    asAdmin(port).get("/api/admin/carts?market=XX").then().statusCode(400).body("field", equalTo("market"));
  }

  @Test
  void aListThatSaysNothingIsBehindHoldsEveryChangeMadeBeforeIt() {
    String cart = cartWith(BOOK, 2);
    given().port(port).contentType(ContentType.JSON).body(Map.of("sku", LAMP, "quantity", 3))
        .post("/api/carts/" + cart + "/items").then().statusCode(200);
    // Right after the change the list may not hold it yet, and then says so; once nothing is behind, it does.
    JsonPath first = listed("q=" + cart);
    assertThat(first.getInt("total") == 1 && first.getInt("items[0].itemCount") == 5
        || first.getLong("behind") > 0).as("a list without the change says it is behind").isTrue();
    JsonPath caughtUp = await().atMost(Duration.ofSeconds(10))
        .until(() -> listed("q=" + cart), page -> page.getLong("behind") == 0);
    assertThat(caughtUp.getInt("items[0].itemCount")).isEqualTo(5);
  }

  @Test
  void theListShowsEachCartsStatusLinesAndTotalOnceTheReadModelCaughtUp() {
    String cart = cartWith(BOOK, 2);
    long unitPrice = given().port(port).get("/api/carts/" + cart).then().extract().jsonPath()
        .getLong("lines[0].unitPrice.amount");
    given().port(port).contentType(ContentType.JSON).body(Map.of("sku", LAMP, "quantity", 1))
        .post("/api/carts/" + cart + "/items").then().statusCode(200);
    JsonPath cartNow = given().port(port).get("/api/carts/" + cart).then().extract().jsonPath();

    JsonPath list = awaitListed(cart, "status=OPEN", page -> page.getInt("total") == 1
        && page.getInt("items[0].lineCount") == 2);
    assertThat(list.getString("items[0].id")).isEqualTo(cart);
    assertThat(list.getString("items[0].status")).isEqualTo("OPEN");
    assertThat(list.getInt("items[0].itemCount")).isEqualTo(3);
    assertThat(list.getLong("items[0].total.amount")).isEqualTo(cartNow.getLong("subtotal.amount"))
        .isGreaterThan(2 * unitPrice);
    assertThat(list.getString("items[0].total.currency")).isEqualTo("SEK");
    // The table keeps microseconds.
    assertThat(Instant.parse(list.getString("items[0].updatedAt")))
        .isCloseTo(Instant.parse(cartNow.getString("updatedAt")), within(1, ChronoUnit.MICROS));

    // Filters: another status, or changed after the cart's last activity, does not list it.
    assertThat(listed("status=CHECKED_OUT&q=" + cart).getInt("total")).isZero();
    assertThat(listed("status=OPEN,LOCKED&q=" + cart).getInt("total")).isEqualTo(1);
    assertThat(listed("changedSince=" + Instant.now().plusSeconds(60) + "&q=" + cart).getInt("total")).isZero();
    assertThat(listed("changedSince=" + Instant.now().minusSeconds(600) + "&q=" + cart.substring(0, 13))
        .getList("items.id")).contains(cart);
  }

  private long unitPrice(String cart) {
    return given().port(port).get("/api/carts/" + cart).then().extract().jsonPath().getLong("lines[0].unitPrice.amount");
  }

  @Test
  void theListPagesAndSortsByLastActivityOrTotal() {
    String small = cartWith(BOOK, 1);
    String large = cartWith(BOOK, 9);
    await().atMost(Duration.ofSeconds(10)).until(
        () -> listed("size=100").getList("items.id"), ids -> ids.containsAll(List.of(small, large)));

    // In order of last activity, as the events recorded it (this machine's clock may step back in between).
    List<Instant> byActivity = listed("sort=updatedAt&direction=desc&size=100").getList("items.updatedAt", String.class)
        .stream().map(Instant::parse).toList();
    assertThat(byActivity).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    // By total within each currency: 634 SEK and 449.99 EUR do not compare.
    Comparator<Map<String, Object>> currency = Comparator.comparing(money -> (String) money.get("currency"));
    Comparator<Map<String, Object>> amount = Comparator.comparing(money -> ((Number) money.get("amount")).longValue());
    List<Map<String, Object>> byTotal = listed("sort=total&direction=asc&size=100").getList("items.total");
    assertThat(byTotal).isSortedAccordingTo(currency.thenComparing(amount));
    List<Map<String, Object>> byTotalDescending = listed("sort=total&direction=desc&size=100").getList("items.total");
    assertThat(byTotalDescending).isSortedAccordingTo(currency.thenComparing(amount.reversed()));
    assertThat(listed("sort=total&direction=desc&size=100&q=" + large).getLong("items[0].total.amount"))
        .isGreaterThanOrEqualTo(9 * unitPrice(large));

    JsonPath firstPage = listed("size=1&page=0");
    JsonPath secondPage = listed("size=1&page=1");
    assertThat(firstPage.getList("items")).hasSize(1);
    assertThat(firstPage.getInt("total")).isGreaterThanOrEqualTo(2);
    assertThat(secondPage.getString("items[0].id")).isNotEqualTo(firstPage.getString("items[0].id"));
  }

  @Test
  void badListParametersAreProblemsNamingTheParameter() {
    for (String[] bad : new String[][] {
        {"status=GONE", "status"}, {"changedSince=yesterday", "changedSince"}, {"sort=price", "sort"},
        {"direction=up", "direction"}, {"size=0", "size"}, {"size=101", "size"}, {"page=-1", "page"}}) {
      asAdmin(port).get("/api/admin/carts?" + bad[0]).then().statusCode(400)
          .contentType("application/problem+json")
          .body("field", equalTo(bad[1]));
    }
    asAdmin(port).get("/api/admin/carts?q=%25_%5C").then().statusCode(200).body("total", equalTo(0));
  }

  @Test
  void anAdminsEditIsRecordedWithTheAdminsName() {
    String cart = cartWith(BOOK, 2);
    asAdmin(port).body(Map.of("quantity", 5)).put("/api/admin/carts/" + cart + "/items/" + BOOK).then()
        .statusCode(200)
        .body("lines[0].quantity", equalTo(5))
        .body("timeline.event", contains("CartCreated", "ItemAdded", "CartEditedByAdmin", "ItemQuantityChanged"))
        .body("timeline.by", contains(null, null, TestUsers.ADMIN, TestUsers.ADMIN))
        .body("timeline[3].detail", equalTo(BOOK + " × 5"));
    asAdmin(port).post("/api/admin/carts/" + cart + "/items/" + BOOK + "/increase").then().statusCode(200)
        .body("lines[0].quantity", equalTo(6));
    asAdmin(port).body(Map.of("by", 6)).post("/api/admin/carts/" + cart + "/items/" + BOOK + "/decrease").then()
        .statusCode(200).body("lines", equalTo(List.of()));
    asAdmin(port).body(Map.of("sku", LAMP, "quantity", 2)).post("/api/admin/carts/" + cart + "/items").then()
        .statusCode(200).body("lines[0].sku", equalTo(LAMP));
    asAdmin(port).delete("/api/admin/carts/" + cart + "/items/" + LAMP).then().statusCode(200)
        .body("lines", equalTo(List.of()));

    // The customer sees the cart as it is, and no admin data.
    given().port(port).get("/api/carts/" + cart).then().statusCode(200)
        .body("lines", equalTo(List.of()))
        .body("timeline", equalTo(null));
  }

  @Test
  void anAdminsBadEditIsAProblemAndChangesNothing() {
    String cart = cartWith(BOOK, 2);
    asAdmin(port).body(Map.of("quantity", 0)).put("/api/admin/carts/" + cart + "/items/" + BOOK).then()
        .statusCode(400).body("field", equalTo("quantity"));
    asAdmin(port).body(Map.of("sku", "NOPE-1", "quantity", 1)).post("/api/admin/carts/" + cart + "/items").then()
        .statusCode(400).body("field", equalTo("sku"));
    asAdmin(port).delete("/api/admin/carts/" + cart + "/items/" + LAMP).then().statusCode(404);
    asAdmin(port).get("/api/admin/carts/not-an-id").then().statusCode(400).body("field", equalTo("cartId"));
    asAdmin(port).get("/api/admin/carts/3f2504e0-4f89-41d3-9a0c-0305e82c3301").then().statusCode(404);
    asAdmin(port).get("/api/admin/carts/" + cart).then().statusCode(200)
        .body("lines[0].quantity", equalTo(2))
        .body("timeline.event", contains("CartCreated", "ItemAdded"));
  }

  @Test
  void aLockedCartChangesOnlyThroughARecordedOverrideAndACheckedOutOneNever() {
    String cart = cartWith(BOOK, 2);
    String order = orderFor(cart);
    String payment = lockedByPayment(order);

    asAdmin(port).post("/api/admin/carts/" + cart + "/items/" + BOOK + "/increase").then().statusCode(409)
        .body("currentStatus", equalTo("LOCKED"))
        .body("allowed", contains("override"));
    asAdmin(port).post("/api/admin/carts/" + cart + "/items/" + BOOK + "/increase?override=true").then()
        .statusCode(200)
        .body("status", equalTo("LOCKED"))
        .body("lines[0].quantity", equalTo(3))
        .body("timeline.detail", hasItem("overriding the order's lock"));
    // The shopper still cannot change it.
    given().port(port).contentType(ContentType.JSON).post("/api/carts/" + cart + "/items/" + BOOK + "/increase")
        .then().statusCode(409);
    awaitListed(cart, "status=LOCKED", page -> page.getInt("total") == 1
        && page.getInt("items[0].itemCount") == 3 && order.equals(page.getString("items[0].orderId")));

    // The payment was added for two books: the customer learns the new total before paying it.
    String authorize = "/api/orders/" + order + "/payments/" + payment + "/authorize";
    given().port(port).contentType(ContentType.JSON).post(authorize).then().statusCode(409)
        .body("detail", containsString("the total is now"));
    given().port(port).contentType(ContentType.JSON).post(authorize).then().statusCode(200)
        .body("status", equalTo("AUTHORIZED"));
    await().atMost(Duration.ofSeconds(10)).until(
        () -> given().port(port).get("/api/carts/" + cart).then().extract().path("status"),
        status -> status.equals("CHECKED_OUT"));
    asAdmin(port).post("/api/admin/carts/" + cart + "/items/" + BOOK + "/increase?override=true").then()
        .statusCode(409).body("currentStatus", equalTo("CHECKED_OUT"));
    JsonPath listedEmail = awaitListed(cart, "status=CHECKED_OUT", page -> page.getInt("total") == 1
        && "anna@example.com".equals(page.getString("items[0].email")));
    assertThat(listedEmail.getInt("items[0].itemCount")).isEqualTo(3);
    assertThat(listed("q=ANNA@example").getList("items.id")).contains(cart);
  }

  @Test
  void aLockedCartIsNeverLeftEmptyEvenWithAnOverride() {
    String cart = cartWith(BOOK, 2);
    String order = orderFor(cart);
    lockedByPayment(order);
    String items = "/api/admin/carts/" + cart + "/items";

    for (var emptying : List.<Supplier<Response>>of(
        () -> asAdmin(port).delete(items + "?override=true"),
        () -> asAdmin(port).delete(items + "/" + BOOK + "?override=true"),
        () -> asAdmin(port).body(Map.of("by", 2)).post(items + "/" + BOOK + "/decrease?override=true"))) {
      problem(emptying.get(), 409).body("currentStatus", equalTo("LOCKED"))
          .body("detail", containsString("cancel the order instead"));
    }
    assertThat(given().port(port).get("/api/carts/" + cart).then().extract().jsonPath().getInt("lines[0].quantity"))
        .isEqualTo(2);
    asAdmin(port).body(Map.of("by", 1)).post(items + "/" + BOOK + "/decrease?override=true").then().statusCode(200)
        .body("lines[0].quantity", equalTo(1));
  }

  private String orderFor(String cart) {
    return given().port(port).contentType(ContentType.JSON).body(Map.of("cartId", cart))
        .post("/api/orders").then().statusCode(201).extract().path("id");
  }

  /** Gives the order contact information and a payment, which locks its cart; answers the payment's id. */
  private String lockedByPayment(String order) {
    given().port(port).contentType(ContentType.JSON).body(Map.of("email", "anna@example.com", "name", "Anna",
            "shippingAddress", Map.of("line1", "Storgatan 1", "city", "Stockholm", "postalCode", "111 51",
                "country", "SE")))
        .put("/api/orders/" + order + "/contact").then().statusCode(200);
    return given().port(port).contentType(ContentType.JSON)
        .body(Map.of("method", "card", "token", "tok_approve"))
        .post("/api/orders/" + order + "/payments").then().statusCode(201).extract().path("id");
  }
}
