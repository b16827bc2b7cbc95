package org.monostore.cart;

import static io.restassured.RestAssured.given;
import static org.monostore.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.monostore.StoreTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The cart API over real HTTP against the running store on a real PostgreSQL. */
@StoreTest
class CartApiTest {

  private static final String BOOK = "BOOK-000001";
  private static final String KETTLE = "KITC-000001";

  @LocalServerPort int port;

  private String cart;

  @BeforeEach
  void newCart() {
    cart = api().post("/api/carts").then().statusCode(201).extract().path("id");
  }

  private RequestSpecification api() {
    return given().port(port).contentType(ContentType.JSON);
  }

  private long priceOf(String sku, String market) {
    return api().get("/api/products/" + sku + "?market=" + market).then().statusCode(200)
        .extract().jsonPath().getLong("price.amount");
  }

  private Response add(String sku, int quantity) {
    return api().body(Map.of("sku", sku, "quantity", quantity)).post("/api/carts/" + cart + "/items");
  }

  private Map<String, Object> currentCart() {
    return api().get("/api/carts/" + cart).then().statusCode(200).extract().jsonPath().getMap("$");
  }

  @Test
  void aNewCartIsOpenEmptyAndInTheDefaultMarketsCurrency() {
    Response created = api().post("/api/carts");
    created.then()
        .statusCode(201)
        .header("Location", "/api/carts/" + created.path("id"))
        .body("id", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"))
        .body("market", equalTo("SE"))
        .body("status", equalTo("OPEN"))
        .body("currency", equalTo("SEK"))
        .body("lines", hasSize(0))
        .body("subtotal.amount", equalTo(0))
        .body("subtotal.currency", equalTo("SEK"));
  }

  @Test
  void aCartCreatedForAMarketHoldsThatMarketsCurrencyAndPrices() {
    String finnish = api().body(Map.of("market", "FI")).post("/api/carts").then().statusCode(201)
        .body("market", equalTo("FI")).body("currency", equalTo("EUR")).extract().path("id");
    long price = priceOf(BOOK, "FI");

    api().body(Map.of("sku", BOOK, "quantity", 2)).post("/api/carts/" + finnish + "/items").then()
        .statusCode(200)
        .body("lines[0].unitPrice.amount", equalTo((int) price))
        .body("lines[0].unitPrice.currency", equalTo("EUR"))
        .body("subtotal.amount", equalTo((int) (2 * price)));
  }

  @Test
  void addingAnItemPricesItsLineFromTheCatalog() {
    long price = priceOf(BOOK, "SE");
    String name = api().get("/api/products/" + BOOK).path("name");

    add(BOOK, 2).then()
        .statusCode(200)
        .body("lines", hasSize(1))
        .body("lines[0].sku", equalTo(BOOK))
        .body("lines[0].name", equalTo(name))
        .body("lines[0].quantity", equalTo(2))
        .body("lines[0].unitPrice.amount", equalTo((int) price))
        .body("lines[0].lineTotal.amount", equalTo((int) (2 * price)))
        .body("subtotal.amount", equalTo((int) (2 * price)));
  }

  @Test
  void addingASkuTheCartHasAddsToItsLine() {
    add(BOOK, 2);
    add(KETTLE, 1);
    add(BOOK, 3).then()
        .statusCode(200)
        .body("lines", hasSize(2))
        .body("lines[0].sku", equalTo(BOOK))
        .body("lines[0].quantity", equalTo(5))
        .body("subtotal.amount", equalTo((int) (5 * priceOf(BOOK, "SE") + priceOf(KETTLE, "SE"))));
  }

  @Test
  void increaseAndDecreaseChangeALineByOneOrByTheGivenStep() {
    add(BOOK, 1);
    String line = "/api/carts/" + cart + "/items/" + BOOK;
    api().post(line + "/increase").then().statusCode(200).body("lines[0].quantity", equalTo(2));
    api().body(Map.of("by", 5)).post(line + "/increase").then().statusCode(200).body("lines[0].quantity", equalTo(7));
    api().post(line + "/decrease").then().statusCode(200).body("lines[0].quantity", equalTo(6));
    api().body(Map.of("by", 4)).post(line + "/decrease").then().statusCode(200).body("lines[0].quantity", equalTo(2));
  }

  @Test
  void decreasingALineToZeroRemovesIt() {
    add(BOOK, 2);
    add(KETTLE, 1);
    api().body(Map.of("by", 2)).post("/api/carts/" + cart + "/items/" + BOOK + "/decrease").then()
        .statusCode(200)
        .body("lines", hasSize(1))
        .body("lines[0].sku", equalTo(KETTLE));
  }

  @Test
  void settingALinesQuantityReplacesIt() {
    add(BOOK, 2);
    api().body(Map.of("quantity", 9)).put("/api/carts/" + cart + "/items/" + BOOK).then()
        .statusCode(200)
        .body("lines[0].quantity", equalTo(9))
        .body("subtotal.amount", equalTo((int) (9 * priceOf(BOOK, "SE"))));
  }

  @Test
  void removingALineKeepsTheOthers() {
    add(BOOK, 2);
    add(KETTLE, 1);
    api().delete("/api/carts/" + cart + "/items/" + BOOK).then()
        .statusCode(200)
        .body("lines", hasSize(1))
        .body("lines[0].sku", equalTo(KETTLE))
        .body("subtotal.amount", equalTo((int) priceOf(KETTLE, "SE")));
  }

  @Test
  void clearingACartRemovesEveryLine() {
    add(BOOK, 2);
    add(KETTLE, 1);
    api().delete("/api/carts/" + cart + "/items").then()
        .statusCode(200)
        .body("lines", hasSize(0))
        .body("subtotal.amount", equalTo(0));
    api().get("/api/carts/" + cart).then().statusCode(200).body("lines", hasSize(0));
  }

  // Bad input: a precise problem response, and the cart stays as it was.

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"sku\": \"BOOK-000001\", \"quantity\": \"5\"}",
    "{\"sku\": \"BOOK-000001\", \"quantity\": 1.5}",
    "{\"sku\": \"BOOK-000001\", \"quantity\": true}",
    "{\"sku\": \"BOOK-000001\", \"quantity\": 99999999999}",
    "{\"sku\": \"BOOK-000001\", \"quantity\": 0}",
    "{\"sku\": \"BOOK-000001\", \"quantity\": -3}",
    "{\"sku\": \"BOOK-000001\", \"quantity\": 100}",
    "{\"sku\": \"BOOK-000001\", \"quantity\": null}",
    "{\"sku\": \"BOOK-000001\"}"
  })
  void aBadQuantityIsA400NamingTheQuantity(String body) {
    add(BOOK, 1);
    Map<String, Object> before = currentCart();

    problem(api().body(body).post("/api/carts/" + cart + "/items"), 400).body("field", equalTo("quantity"));
    assertThat(currentCart()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"sku\": \"NOPE-000001\", \"quantity\": 1}",
    "{\"sku\": \"book-000001\", \"quantity\": 1}",
    "{\"sku\": \"\", \"quantity\": 1}",
    "{\"sku\": 42, \"quantity\": 1}",
    "{\"sku\": \"<script>alert(1)</script>\", \"quantity\": 1}",
    "{\"quantity\": 1}"
  })
  void aBadOrUnknownSkuIsA400NamingTheSku(String body) {
    Map<String, Object> before = currentCart();

    problem(api().body(body).post("/api/carts/" + cart + "/items"), 400).body("field", equalTo("sku"));
    assertThat(currentCart()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"sku\": ", "not json", "[1, 2]", "\"text\"", "null", ""})
  void aBodyThatIsNotTheExpectedJsonIsA400(String body) {
    Map<String, Object> before = currentCart();

    problem(api().body(body).post("/api/carts/" + cart + "/items"), 400);
    assertThat(currentCart()).isEqualTo(before);
  }

  @Test
  void aBodyInAnotherFormatIsA415() {
    problem(given().port(port).contentType(ContentType.TEXT).body("sku=BOOK-000001")
        .post("/api/carts/" + cart + "/items"), 415);
  }

  @Test
  void anOversizeBodyIsA413WhetherItsLengthIsDeclaredOrNot() throws Exception {
    String padding = "x".repeat(64 * 1024);
    String body = "{\"sku\": \"BOOK-000001\", \"quantity\": 1, \"note\": \"" + padding + "\"}";
    problem(api().body(body).post("/api/carts/" + cart + "/items"), 413);

    // A body streamed without a declared length (chunked) is cut off where it crosses the limit.
    var streamed = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/carts/" + cart + "/items"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(streamed.statusCode()).isEqualTo(413);
    assertThat(streamed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(currentCart()).extractingByKey("lines").asList().isEmpty();
  }

  @Test
  void anUnknownCartIsA404() {
    problem(api().get("/api/carts/00000000-0000-4000-8000-000000000000"), 404);
    problem(api().body(Map.of("sku", BOOK, "quantity", 1))
        .post("/api/carts/00000000-0000-4000-8000-000000000000/items"), 404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-cart", "12345", "00000000-0000-4000-8000-00000000000", "0'%20OR%20'1'='1",
      "ABCDEF00-0000-4000-8000-000000000000"})
  void anIdThatIsNotACartIdIsA400(String id) {
    problem(api().get("/api/carts/" + id), 400).body("field", equalTo("cartId"));
  }

  @Test
  void anUnknownMarketIsA400AndCreatesNoCart() {
    problem(api().body(Map.of("market", "US")).post("/api/carts"), 400).body("field", equalTo("market"));
  }

  @Test
  void changingALineTheCartDoesNotHaveIsA404() {
    String line = "/api/carts/" + cart + "/items/" + BOOK;
    problem(api().post(line + "/increase"), 404);
    problem(api().post(line + "/decrease"), 404);
    problem(api().body(Map.of("quantity", 2)).put(line), 404);
    problem(api().delete(line), 404);
  }

  @Test
  void aBadStepOrQuantityOnALineIsA400AndChangesNothing() {
    add(BOOK, 2);
    Map<String, Object> before = currentCart();
    String line = "/api/carts/" + cart + "/items/" + BOOK;

    problem(api().body(Map.of("by", 0)).post(line + "/increase"), 400).body("field", equalTo("by"));
    problem(api().body(Map.of("by", -1)).post(line + "/decrease"), 400).body("field", equalTo("by"));
    problem(api().body(Map.of("by", 3)).post(line + "/decrease"), 400).body("field", equalTo("by"));
    problem(api().body(Map.of("by", 98)).post(line + "/increase"), 400).body("field", equalTo("by"));
    problem(api().body(Map.of("by", Integer.MAX_VALUE)).post(line + "/increase"), 400).body("field", equalTo("by"));
    problem(api().body(Map.of("quantity", 0)).put(line), 400).body("field", equalTo("quantity"));
    problem(api().body(Map.of("quantity", 100)).put(line), 400).body("field", equalTo("quantity"));
    problem(api().body("{}").put(line), 400).body("field", equalTo("quantity"));
    problem(api().post("/api/carts/" + cart + "/items/not%20a%20sku/increase"), 400).body("field", equalTo("sku"));
    assertThat(currentCart()).isEqualTo(before);
  }
}
