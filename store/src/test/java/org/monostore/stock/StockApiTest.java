package org.monostore.stock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.monostore.TestUsers.asAdmin;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.monostore.TestUsers;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Admins receive and adjust a product's stock over HTTP, and product answers show what is available. */
@StoreTest
class StockApiTest {

  @LocalServerPort int port;

  private JsonPath stock(String sku) {
    return asAdmin(port).get("/api/admin/products/" + sku + "/stock").then().statusCode(200).extract().jsonPath();
  }

  private JsonPath receive(String sku, Object body) {
    return asAdmin(port).body(body).post("/api/admin/products/" + sku + "/stock/receipts").then().statusCode(200)
        .extract().jsonPath();
  }

  private JsonPath product(String sku) {
    return given().port(port).get("/api/products/" + sku).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void aProductIsCountedFromItsFirstReceiptAndItsAnswerShowsWhatIsAvailable() {
    String sku = "SPRT-000101";
    assertThat(stock(sku).getBoolean("tracked")).isFalse();
    assertThat(product(sku).getMap("$")).containsEntry("available", null);

    JsonPath received = receive(sku, Map.of("quantity", 5, "note", "Delivery 2026-118"));

    assertThat(received.getBoolean("tracked")).isTrue();
    assertThat(received.getLong("onHand")).isEqualTo(5);
    assertThat(received.getLong("available")).isEqualTo(5);
    assertThat(product(sku).getLong("available")).isEqualTo(5);

    JsonPath adjusted = asAdmin(port).body(Map.of("change", -5, "reason", "water damage"))
        .post("/api/admin/products/" + sku + "/stock/adjustments").then().statusCode(200).extract().jsonPath();
    assertThat(adjusted.getLong("onHand")).isZero();
    JsonPath soldOut = product(sku);
    assertThat(soldOut.getLong("available")).isZero();
    assertThat(soldOut.getBoolean("inStock")).as("nothing available: not in stock").isFalse();
    assertThat(given().port(port).queryParam("q", soldOut.getString("name")).queryParam("size", 100)
        .get("/api/products").then().statusCode(200).extract().jsonPath().getList("items.findAll { it.sku == '" + sku + "' }.available"))
        .as("listings show it too").containsExactly(0);
  }

  @Test
  void anOpenCartWarnsOfALineThatAsksForMoreThanIsAvailable() {
    String sku = "SPRT-000103";
    receive(sku, Map.of("quantity", 2));
    String cart = given().port(port).contentType("application/json").post("/api/carts").then().statusCode(201)
        .extract().path("id");

    JsonPath tooMany = given().port(port).contentType("application/json").body(Map.of("sku", sku, "quantity", 3))
        .post("/api/carts/" + cart + "/items").then().statusCode(200).extract().jsonPath();
    assertThat(tooMany.getString("stockWarnings[0].sku")).isEqualTo(sku);
    assertThat(tooMany.getInt("stockWarnings[0].quantity")).isEqualTo(3);
    assertThat(tooMany.getLong("stockWarnings[0].available")).isEqualTo(2);
    assertThat(tooMany.getString("stockWarnings[0].message")).contains("Only 2").contains(sku);

    JsonPath enough = given().port(port).contentType("application/json").body(Map.of("quantity", 2))
        .put("/api/carts/" + cart + "/items/" + sku).then().statusCode(200).extract().jsonPath();
    assertThat(enough.getList("stockWarnings")).isEmpty();

    asAdmin(port).body(Map.of("change", -2, "reason", "stock count")).post("/api/admin/products/" + sku
        + "/stock/adjustments").then().statusCode(200);
    JsonPath soldOut = given().port(port).get("/api/carts/" + cart).then().statusCode(200).extract().jsonPath();
    assertThat(soldOut.getString("stockWarnings[0].message")).contains("sold out");
    assertThat(given().port(port).contentType("application/json").body(Map.of("sku", "SPRT-000104", "quantity", 50))
        .post("/api/carts/" + cart + "/items").then().statusCode(200).extract().jsonPath()
        .getList("stockWarnings.sku")).as("a product whose stock is not counted gets none").containsExactly(sku);
  }

  @Test
  void receiptsAndAdjustmentsAreAdminsOnly() {
    given().port(port).get("/api/admin/products/SPRT-000102/stock").then().statusCode(401);
    given().port(port).auth().preemptive().basic(TestUsers.NOT_ADMIN, TestUsers.NOT_ADMIN_PASSWORD)
        .contentType("application/json").body(Map.of("quantity", 1))
        .post("/api/admin/products/SPRT-000102/stock/receipts").then().statusCode(403);
    assertThat(stock("SPRT-000102").getBoolean("tracked")).isFalse();
  }

  @Test
  void badRequestsAreProblemsNamingTheFieldAndChangeNothing() {
    String sku = "SPRT-000102";
    String receipts = "/api/admin/products/" + sku + "/stock/receipts";
    String adjustments = "/api/admin/products/" + sku + "/stock/adjustments";
    Map<String, Object> hostile = new HashMap<>();
    hostile.put("quantity", 1);
    hostile.put("note", "from \u202Eevil");

    for (Object body : new Object[] {Map.of(), Map.of("quantity", 0), Map.of("quantity", -3),
        Map.of("quantity", 1_000_001), Map.of("quantity", "5"), Map.of("quantity", 1.5)}) {
      asAdmin(port).body(body).post(receipts).then().statusCode(400)
          .contentType("application/problem+json").body("field", equalTo("quantity"));
    }
    asAdmin(port).body(hostile).post(receipts).then().statusCode(400).body("field", equalTo("note"));
    asAdmin(port).body("{\"quantity\": ").post(receipts).then().statusCode(400)
        .contentType("application/problem+json");
    for (Object body : new Object[] {Map.of("reason", "count"), Map.of("change", 0, "reason", "count"),
        Map.of("change", 2_000_000, "reason", "count")}) {
      asAdmin(port).body(body).post(adjustments).then().statusCode(400).body("field", equalTo("change"));
    }
    asAdmin(port).body(Map.of("change", 1)).post(adjustments).then().statusCode(400).body("field", equalTo("reason"));
    asAdmin(port).body(Map.of("change", 1, "reason", " ")).post(adjustments).then().statusCode(400)
        .body("field", equalTo("reason"));
    asAdmin(port).body(Map.of("change", 1, "reason", "x".repeat(201))).post(adjustments).then().statusCode(400)
        .body("field", equalTo("reason"));
    asAdmin(port).body(Map.of("change", -1, "reason", "count")).post(adjustments).then().statusCode(409)
        .body("detail", org.hamcrest.Matchers.containsString("may not go below"));

    asAdmin(port).get("/api/admin/products/sprt-000102/stock").then().statusCode(400).body("field", equalTo("sku"));
    asAdmin(port).get("/api/admin/products/NOPE-000000/stock").then().statusCode(404);
    asAdmin(port).body(Map.of("quantity", 1)).post("/api/admin/products/NOPE-000000/stock/receipts").then()
        .statusCode(404);

    JsonPath untouched = stock(sku);
    assertThat(untouched.getBoolean("tracked")).isFalse();
    assertThat(untouched.getLong("onHand")).isZero();
  }
}
