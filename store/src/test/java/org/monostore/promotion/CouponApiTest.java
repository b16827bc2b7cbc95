package org.monostore.promotion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.monostore.Problems.problem;
import static org.monostore.TestUsers.asAdmin;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Promotion codes over HTTP: an admin gives a CODE promotion its codes, a shopper enters one in a cart,
 * and the cart is priced by it while it applies. SKUs no other test buys; each test ends what it made.
 */
@StoreTest
class CouponApiTest {

  private static final String STAPLER = "OFFC-000033";
  private static final String FOLDER = "OFFC-000034";

  @LocalServerPort int port;
  @Autowired LivePromotions live;
  private final MadePromotions made = new MadePromotions();

  @AfterEach
  void endWhatWasMade() {
    made.endAll(port, live);
  }

  /** 20 % off staplers with a code, in SE, for carts that hold one. */
  private String codePromotion() {
    Map<String, Object> definition = new HashMap<>();
    definition.put("name", "20 % off staplers");
    definition.put("trigger", "CODE");
    definition.put("conditions", Map.of("markets", List.of("SE"), "requires", Map.of("skus", List.of(STAPLER))));
    definition.put("reward", Map.of("type", "PERCENT_OFF", "percent", 20, "target", Map.of("skus", List.of(STAPLER))));
    String id = asAdmin(port).body(definition).post("/api/admin/promotions").then().statusCode(201)
        .extract().path("id");
    made.add(id);
    // A code applies once this node holds its promotion.
    await().atMost(Duration.ofSeconds(10)).until(() -> live.all().stream().anyMatch(p -> p.id().equals(id)));
    return id;
  }

  private static String uniqueCode(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  /** A new code of the promotion. */
  private String codeOf(String promotion) {
    String code = uniqueCode("STAPLE");
    giveCodes(promotion, Map.of("codes", List.of(code))).then().statusCode(200);
    return code;
  }

  private Response giveCodes(String promotion, Map<String, Object> request) {
    return asAdmin(port).body(request).post("/api/admin/promotions/" + promotion + "/codes");
  }

  private String cartWith(String sku) {
    String cart = given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201)
        .extract().path("id");
    given().port(port).contentType(ContentType.JSON).body(Map.of("sku", sku, "quantity", 2))
        .post("/api/carts/" + cart + "/items").then().statusCode(200);
    return cart;
  }

  private Response enter(String cart, String code) {
    return given().port(port).contentType(ContentType.JSON).body(Map.of("code", code))
        .post("/api/carts/" + cart + "/coupons");
  }

  @Test
  void anEnteredCodePricesTheCartUntilItIsRemoved() {
    String promotion = codePromotion();
    String code = uniqueCode("STAPLE");
    giveCodes(promotion, Map.of("codes", List.of(code.toLowerCase()))).then().statusCode(200)
        .body("codes", equalTo(List.of(code)));
    String cart = cartWith(STAPLER);

    JsonPath priced = enter(cart, " " + code.toLowerCase() + " ").then().statusCode(200).extract().jsonPath();

    long lineTotal = priced.getLong("pricing.lines[0].lineTotal.amount");
    assertThat(priced.getList("codes")).containsExactly(code);
    assertThat(priced.getLong("pricing.discountTotal.amount")).isEqualTo(Math.round(lineTotal * 0.2));
    assertThat(priced.getString("pricing.discounts[0].code")).isEqualTo(code);
    assertThat(priced.getString("promotions.applied[0].code")).isEqualTo(code);
    assertThat(priced.getString("promotions.applied[0].promotionId")).isEqualTo(promotion);
    assertThat(enter(cart, code).then().statusCode(200).extract().jsonPath().getList("codes"))
        .as("entered again: the cart as it is").containsExactly(code);

    JsonPath removed = given().port(port).delete("/api/carts/" + cart + "/coupons/" + code).then().statusCode(200)
        .extract().jsonPath();
    assertThat(removed.getList("codes")).isEmpty();
    assertThat(removed.getLong("pricing.discountTotal.amount")).isZero();
    problem(given().port(port).delete("/api/carts/" + cart + "/coupons/" + code), 404);
  }

  @Test
  void aCodeThatDoesNotApplyToTheCartIsRefusedWithTheReason() {
    String promotion = codePromotion();
    String code = codeOf(promotion);
    String cart = cartWith(FOLDER);

    problem(enter(cart, code), 409).body("detail", containsString("needs an item of " + STAPLER));

    assertThat(given().port(port).get("/api/carts/" + cart).then().extract().jsonPath().getList("codes")).isEmpty();
  }

  @Test
  void aCodeOfAPausedPromotionIsRefused() {
    String promotion = codePromotion();
    String code = codeOf(promotion);
    asAdmin(port).post("/api/admin/promotions/" + promotion + "/pause").then().statusCode(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> live.all().stream()
        .anyMatch(p -> p.id().equals(promotion) && p.status() == Promotion.Status.PAUSED));

    problem(enter(cartWith(STAPLER), code), 409).body("detail", containsString("not running"));
  }

  @Test
  void anUnknownCodeIsNotFoundAndSaysNothingOfCodesLikeIt() {
    String promotion = codePromotion();
    String code = codeOf(promotion);
    String cart = cartWith(STAPLER);

    String nearly = problem(enter(cart, code.substring(0, code.length() - 1)), 404).extract().path("detail");
    String far = problem(enter(cart, "NOTHING-LIKE-IT"), 404).extract().path("detail");

    assertThat(nearly).isEqualTo(far);
    problem(enter(cart, "a b"), 400).body("field", equalTo("code"));
    problem(given().port(port).contentType(ContentType.JSON).post("/api/carts/" + cart + "/coupons"), 400);
  }

  @Test
  void aLockedCartTakesNoCode() {
    String promotion = codePromotion();
    String code = codeOf(promotion);
    String cart = cartWith(STAPLER);
    String order = given().port(port).contentType(ContentType.JSON).body(Map.of("cartId", cart))
        .post("/api/orders").then().statusCode(201).extract().path("id");
    given().port(port).contentType(ContentType.JSON).body(Map.of("email", "eva@example.com", "name", "Eva",
            "shippingAddress", Map.of("line1", "Storgatan 1", "city", "Stockholm", "postalCode", "111 51",
                "country", "SE")))
        .put("/api/orders/" + order + "/contact").then().statusCode(200);
    given().port(port).contentType(ContentType.JSON).body(Map.of("method", "card", "token", "tok_approve"))
        .post("/api/orders/" + order + "/payments").then().statusCode(201);

    problem(enter(cart, code), 409).body("currentStatus", equalTo("LOCKED"));
  }

  @Test
  void aBatchOfMadeUpCodesIsUniqueAndListedWithThePromotion() {
    String promotion = codePromotion();

    List<String> codes = giveCodes(promotion, Map.of("generate", 50, "prefix", "xmas-")).then().statusCode(200)
        .extract().jsonPath().getList("codes", String.class);

    assertThat(codes).hasSize(50).allMatch(code -> code.startsWith("XMAS-"));
    assertThat(new HashSet<>(codes)).hasSize(50);
    assertThat(asAdmin(port).get("/api/admin/promotions/" + promotion + "/codes").then().statusCode(200)
        .extract().jsonPath().getList("codes", String.class)).containsExactlyElementsOf(codes);
    asAdmin(port).get("/api/admin/promotions/" + promotion).then().body("codeCount", equalTo(50));
    enter(cartWith(STAPLER), codes.get(17)).then().statusCode(200);
  }

  @Test
  void aCodeBelongsToOnePromotionOnly() {
    String first = codePromotion();
    String second = codePromotion();
    String code = uniqueCode("ONCE");
    giveCodes(first, Map.of("codes", List.of(code))).then().statusCode(200);
    String other = uniqueCode("OTHER");

    problem(giveCodes(second, Map.of("codes", List.of(other, code))), 409).body("detail", containsString(code));

    assertThat(asAdmin(port).get("/api/admin/promotions/" + second + "/codes").then().extract().jsonPath()
        .getList("codes")).as("no code given when one is taken").isEmpty();
    giveCodes(first, Map.of("codes", List.of(code))).then().statusCode(200).body("codes", equalTo(List.of(code)));
  }

  @Test
  void anAutomaticOrEndedPromotionTakesNoCodesAndBadRequestsAreRefused() {
    Map<String, Object> automatic = Map.of("name", "Automatic", "trigger", "AUTOMATIC",
        "conditions", Map.of("markets", List.of("SE"), "requires", Map.of("skus", List.of(STAPLER))),
        "reward", Map.of("type", "PERCENT_OFF", "percent", 5));
    String id = asAdmin(port).body(automatic).post("/api/admin/promotions").then().statusCode(201)
        .extract().path("id");
    made.add(id);
    problem(giveCodes(id, Map.of("codes", List.of(uniqueCode("AUTO")))), 409).body("currentStatus", equalTo("ACTIVE"));

    String promotion = codePromotion();
    problem(giveCodes(promotion, Map.of("codes", List.of("no"))), 400).body("field", equalTo("codes"));
    problem(giveCodes(promotion, Map.of("generate", 5000)), 400).body("field", equalTo("generate"));
    problem(giveCodes(promotion, Map.of("generate", 5, "prefix", "bad prefix!")), 400).body("field", equalTo("prefix"));
    problem(giveCodes(promotion, Map.of()), 400).body("field", equalTo("codes"));
    problem(asAdmin(port).get("/api/admin/promotions/00000000-0000-4000-8000-000000000000/codes"), 404);
    asAdmin(port).post("/api/admin/promotions/" + promotion + "/end").then().statusCode(200);
    problem(giveCodes(promotion, Map.of("codes", List.of(uniqueCode("LATE")))), 409)
        .body("currentStatus", equalTo("ENDED"));
  }
}
