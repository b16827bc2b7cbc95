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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A promotion's limits hold under concurrency: its entity is the one owner of its count, a use is
 * reserved when an order's payment is added, kept when it is authorized, and given back when the
 * payment is declined or the order cancelled. SKUs no other test buys; each test ends what it made.
 */
@StoreTest
class PromotionLimitsApiTest {

  private static final String LAMP = "OFFC-000035";
  private static final int SHOPPERS = 12;
  private static final int USES = 3;

  @LocalServerPort int port;
  @Autowired LivePromotions live;
  private final MadePromotions made = new MadePromotions();

  @AfterEach
  void endWhatWasMade() {
    made.endAll(port, live);
  }

  /** 10 % off lamps in SE, automatic, with these limits. */
  private String lampPromotion(Map<String, Object> limits) {
    Map<String, Object> definition = new HashMap<>();
    definition.put("name", "10 % off lamps, while they last");
    definition.put("trigger", "AUTOMATIC");
    definition.put("currency", "SEK");
    definition.put("conditions", Map.of("markets", List.of("SE"), "requires", Map.of("skus", List.of(LAMP))));
    definition.put("reward", Map.of("type", "PERCENT_OFF", "percent", 10, "target", Map.of("skus", List.of(LAMP))));
    definition.put("limits", limits);
    String id = asAdmin(port).body(definition).post("/api/admin/promotions").then().statusCode(201)
        .extract().path("id");
    made.add(id);
    await().atMost(Duration.ofSeconds(10)).until(() -> live.all().stream().anyMatch(p -> p.id().equals(id)));
    return id;
  }

  /** A cart with a lamp, priced with the promotion, and its order with contact given: ready to pay. */
  private String payableOrder(String promotion, String email) {
    return payableOrder(promotion, null, email);
  }

  /** The same, with the code entered (none when null). */
  private String payableOrder(String promotion, String code, String email) {
    String cart = given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201)
        .extract().path("id");
    List<String> applied = given().port(port).contentType(ContentType.JSON).body(Map.of("sku", LAMP, "quantity", 1))
        .post("/api/carts/" + cart + "/items").then().statusCode(200).extract().jsonPath()
        .getList("promotions.applied.promotionId");
    if (code != null) {
      applied = enter(cart, code).then().statusCode(200).extract().jsonPath().getList("promotions.applied.promotionId");
    }
    assertThat(applied).as("the cart is priced with the promotion").contains(promotion);
    String order = given().port(port).contentType(ContentType.JSON).body(Map.of("cartId", cart))
        .post("/api/orders").then().statusCode(201).extract().path("id");
    given().port(port).contentType(ContentType.JSON).body(Map.of("email", email, "name", "A shopper",
            "shippingAddress", Map.of("line1", "Storgatan 1", "city", "Stockholm", "postalCode", "111 51",
                "country", "SE")))
        .put("/api/orders/" + order + "/contact").then().statusCode(200);
    return order;
  }

  private Response pay(String order, String token) {
    return given().port(port).contentType(ContentType.JSON).body(Map.of("method", "card", "token", token))
        .post("/api/orders/" + order + "/payments");
  }

  private Response authorize(String order, String payment) {
    return given().port(port).contentType(ContentType.JSON)
        .post("/api/orders/" + order + "/payments/" + payment + "/authorize");
  }

  /** What the promotion takes off one lamp: 10 %, rounded half to even as the store rounds. */
  private long tenPercentOfALamp() {
    long price = given().port(port).get("/api/products/" + LAMP).then().statusCode(200).extract().jsonPath()
        .getLong("price.amount");
    return BigDecimal.valueOf(price).divide(BigDecimal.TEN, 0, RoundingMode.HALF_EVEN).longValueExact();
  }

  private boolean usedUp(String promotion) {
    return asAdmin(port).get("/api/admin/promotions/" + promotion).then().statusCode(200).extract().jsonPath()
        .getBoolean("usedUp");
  }

  private boolean pricedWith(String order, String promotion) {
    return given().port(port).get("/api/orders/" + order).then().statusCode(200).extract().jsonPath()
        .getList("pricing.discounts.promotionId").contains(promotion);
  }

  private Response enter(String cart, String code) {
    return given().port(port).contentType(ContentType.JSON).body(Map.of("code", code))
        .post("/api/carts/" + cart + "/coupons");
  }

  /** Every shopper pays at once; how many orders the promotion priced, each refusal checked to name the limit. */
  private int payAllAtOnce(String promotion, String refusal) throws Exception {
    return payAllAtOnce(promotion, null, refusal);
  }

  /** The same, each shopper with the code entered (none when null). */
  private int payAllAtOnce(String promotion, String code, String refusal) throws Exception {
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < SHOPPERS; i++) {
      orders.add(payableOrder(promotion, code, "shopper" + i + "@example.com"));
    }

    List<Response> payments = new ArrayList<>();
    try (ExecutorService shoppers = Executors.newFixedThreadPool(SHOPPERS)) {
      List<Future<Response>> paying = new ArrayList<>();
      for (String order : orders) {
        paying.add(shoppers.submit((Callable<Response>) () -> pay(order, "tok_approve")));
      }
      for (Future<Response> payment : paying) {
        payments.add(payment.get());
      }
    }

    int withPromotion = 0;
    for (int i = 0; i < SHOPPERS; i++) {
      Response payment = payments.get(i);
      if (payment.statusCode() == 409) {
        assertThat(payment.jsonPath().getString("detail")).contains(refusal);
        continue;
      }
      assertThat(payment.statusCode()).isEqualTo(201);
      authorize(orders.get(i), payment.path("id")).then().statusCode(200);
      withPromotion += pricedWith(orders.get(i), promotion) ? 1 : 0;
    }
    return withPromotion;
  }

  /**
   * Exactly as many orders as there are uses are paid with the promotion. The others are refused
   * with the limit named, or, once every node knows it is used up, priced and paid without it.
   */
  @RepeatedTest(3)
  void manyShoppersAtOnceGetExactlyTheUsesThereAre() throws Exception {
    String promotion = lampPromotion(Map.of("uses", USES));

    int withPromotion = payAllAtOnce(promotion, "is used up");

    assertThat(withPromotion).isEqualTo(USES);
    assertThat(usedUp(promotion)).isTrue();
    String cart = given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201)
        .extract().path("id");
    given().port(port).contentType(ContentType.JSON).body(Map.of("sku", LAMP, "quantity", 1))
        .post("/api/carts/" + cart + "/items").then().statusCode(200);
    Map<String, Object> notApplied = await().atMost(Duration.ofSeconds(10)).until(() -> given().port(port)
        .get("/api/carts/" + cart).then().statusCode(200).extract().jsonPath()
        .getMap("promotions.notApplied.find { it.promotionId == '" + promotion + "' }"), found -> found != null);
    assertThat(notApplied).containsEntry("reason", "used up");
  }

  @Test
  void aDeclinedPaymentAndACancelledOrderGiveTheirUseBack() {
    String promotion = lampPromotion(Map.of("uses", 1));
    String declined = payableOrder(promotion, "anna@example.com");
    String payment = pay(declined, "tok_decline_insufficient_funds").then().statusCode(201).extract().path("id");
    assertThat(usedUp(promotion)).isTrue();

    authorize(declined, payment).then().statusCode(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> !usedUp(promotion));
    await().atMost(Duration.ofSeconds(10)).until(() -> live.all().stream()
        .anyMatch(p -> p.id().equals(promotion) && !p.usedUp()));

    String cancelled = payableOrder(promotion, "bo@example.com");
    pay(cancelled, "tok_approve").then().statusCode(201);
    assertThat(pricedWith(cancelled, promotion)).isTrue();
    given().port(port).contentType(ContentType.JSON).post("/api/orders/" + cancelled + "/cancel").then()
        .statusCode(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> !usedUp(promotion));
    await().atMost(Duration.ofSeconds(10)).until(() -> live.all().stream()
        .anyMatch(p -> p.id().equals(promotion) && !p.usedUp()));

    String third = payableOrder(promotion, "cy@example.com");
    pay(third, "tok_approve").then().statusCode(201);
    assertThat(pricedWith(third, promotion)).isTrue();
  }

  @Test
  void aCustomerGetsAsManyUsesAsThePromotionAllowsEachByTheirEmail() {
    String promotion = lampPromotion(Map.of("usesPerCustomer", 1));
    String first = payableOrder(promotion, "dora@example.com");
    authorize(first, pay(first, "tok_approve").then().statusCode(201).extract().path("id")).then().statusCode(200);

    String again = payableOrder(promotion, "Dora@Example.com");
    problem(pay(again, "tok_approve"), 409).body("detail", containsString("dora@example.com"));

    // Refused: no payment, and the cart is open again for the shopper to change.
    io.restassured.path.json.JsonPath order = given().port(port).get("/api/orders/" + again).then().extract()
        .jsonPath();
    assertThat(order.getList("payments")).isEmpty();
    assertThat(given().port(port).get("/api/carts/" + order.getString("cartId")).then().extract()
        .<String>path("status")).isEqualTo("OPEN");
    pay(payableOrder(promotion, "erik@example.com"), "tok_approve").then().statusCode(201);
  }

  @Test
  void manyShoppersAtOnceNeverPassTheBudget() throws Exception {
    long discount = tenPercentOfALamp();
    String promotion = lampPromotion(Map.of("budget", discount * USES));

    assertThat(payAllAtOnce(promotion, "of its budget left")).isEqualTo(USES);
    assertThat(usedUp(promotion)).isTrue();
  }

  @Test
  void aBudgetIsNeverPassed() {
    long discount = tenPercentOfALamp();
    String promotion = lampPromotion(Map.of("budget", discount * 3 / 2));

    pay(payableOrder(promotion, "fia@example.com"), "tok_approve").then().statusCode(201);
    problem(pay(payableOrder(promotion, "gus@example.com"), "tok_approve"), 409)
        .body("detail", containsString("of its budget left"));
  }

  @Test
  void limitsAreCheckedWhenTheyAreDefined() {
    Map<String, Object> definition = new HashMap<>();
    definition.put("name", "Limited");
    definition.put("trigger", "AUTOMATIC");
    definition.put("reward", Map.of("type", "PERCENT_OFF", "percent", 10));
    definition.put("limits", Map.of("uses", 0));
    problem(asAdmin(port).body(definition).post("/api/admin/promotions"), 400).body("field",
        org.hamcrest.Matchers.equalTo("limits.uses"));
    definition.put("limits", Map.of("budget", 10_000));
    problem(asAdmin(port).body(definition).post("/api/admin/promotions"), 400).body("field",
        org.hamcrest.Matchers.equalTo("currency"));
  }
  // A code's own limits, counted by its Coupon entity apart from the promotion's

  /** 10 % off lamps in SE with a code, without limits of its own. */
  private String lampCodePromotion() {
    Map<String, Object> definition = new HashMap<>();
    definition.put("name", "10 % off lamps with a code");
    definition.put("trigger", "CODE");
    definition.put("currency", "SEK");
    definition.put("conditions", Map.of("markets", List.of("SE")));
    definition.put("reward", Map.of("type", "PERCENT_OFF", "percent", 10, "target", Map.of("skus", List.of(LAMP))));
    String id = asAdmin(port).body(definition).post("/api/admin/promotions").then().statusCode(201)
        .extract().path("id");
    made.add(id);
    await().atMost(Duration.ofSeconds(10)).until(() -> live.all().stream().anyMatch(p -> p.id().equals(id)));
    return id;
  }

  /** Codes made up for the promotion, each with these limits of its own. */
  private List<String> codes(String promotion, int count, Map<String, Object> limits) {
    return asAdmin(port).body(Map.of("generate", count, "prefix", "LAMP-", "limits", limits))
        .post("/api/admin/promotions/" + promotion + "/codes").then().statusCode(200).extract().jsonPath()
        .getList("codes");
  }

  @RepeatedTest(3)
  void manyShoppersAtOnceGetExactlyTheUsesACodeHasLeft() throws Exception {
    String promotion = lampCodePromotion();
    String code = codes(promotion, 1, Map.of("uses", USES + 1)).getFirst();
    String first = payableOrder(promotion, code, "first@example.com");
    authorize(first, pay(first, "tok_approve").then().statusCode(201).extract().path("id")).then().statusCode(200);

    int withCode = payAllAtOnce(promotion, code, "The code " + code + " is used up");

    assertThat(withCode).as("the code had " + USES + " uses left").isEqualTo(USES);
    String cart = given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201)
        .extract().path("id");
    problem(enter(cart, code), 409).body("detail", equalTo("The code " + code + " is used up"));
    assertThat(usedUp(promotion)).as("the promotion itself has no limits").isFalse();
  }

  @Test
  void aSingleUseCodeComesBackWhenItsPaymentIsDeclinedAndTheOtherCodesOfItsBatchAreUnused() {
    String promotion = lampCodePromotion();
    List<String> batch = codes(promotion, 2, Map.of("uses", 1));
    String declined = payableOrder(promotion, batch.get(0), "hugo@example.com");
    String waiting = payableOrder(promotion, batch.get(0), "ida@example.com");
    String payment = pay(declined, "tok_decline_insufficient_funds").then().statusCode(201).extract().path("id");
    problem(pay(waiting, "tok_approve"), 409).body("detail", containsString("is used up"));

    authorize(declined, payment).then().statusCode(200);

    await().atMost(Duration.ofSeconds(10)).until(() -> pay(waiting, "tok_approve").statusCode() == 201);
    assertThat(pricedWith(waiting, promotion)).isTrue();
    String cart = given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201)
        .extract().path("id");
    problem(enter(cart, batch.get(0)), 409).body("detail", containsString("is used up"));
    pay(payableOrder(promotion, batch.get(1), "jan@example.com"), "tok_approve").then().statusCode(201);
  }

  @Test
  void aCodeLimitedPerCustomerCountsTheCustomerByEmail() {
    String promotion = lampCodePromotion();
    String code = codes(promotion, 1, Map.of("usesPerCustomer", 1)).getFirst();
    String first = payableOrder(promotion, code, "kim@example.com");
    authorize(first, pay(first, "tok_approve").then().statusCode(201).extract().path("id")).then().statusCode(200);

    problem(pay(payableOrder(promotion, code, "KIM@example.com"), "tok_approve"), 409)
        .body("detail", containsString("The code " + code + " was used by kim@example.com 1 time(s) already"));
    pay(payableOrder(promotion, code, "lo@example.com"), "tok_approve").then().statusCode(201);
  }

  @Test
  void aCodesLimitsAreCheckedWhenItIsIssued() {
    String promotion = lampCodePromotion();
    problem(asAdmin(port).body(Map.of("generate", 1, "limits", Map.of("uses", 0)))
        .post("/api/admin/promotions/" + promotion + "/codes"), 400).body("field", equalTo("limits.uses"));
    problem(asAdmin(port).body(Map.of("generate", 1, "limits", Map.of("budget", -5)))
        .post("/api/admin/promotions/" + promotion + "/codes"), 400).body("field", equalTo("limits.budget"));
    assertThat(asAdmin(port).get("/api/admin/promotions/" + promotion + "/codes").then().statusCode(200)
        .extract().jsonPath().getList("codes")).as("no code was issued").isEmpty();
  }
  // Redemptions: the orders a promotion priced, from the orders' read model

  private JsonPath redemptions(String promotion, String query) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> asAdmin(port)
        .get("/api/admin/promotions/" + promotion + "/redemptions" + query).then().statusCode(200).extract()
        .jsonPath(), answer -> answer.getLong("behind") == 0);
  }

  @Test
  void aPromotionsRedemptionsSayWhatEachOrderTookAndWhatBecameOfItsUse() {
    String promotion = lampCodePromotion();
    String code = codes(promotion, 1, Map.of()).getFirst();
    String paid = payableOrder(promotion, code, "max@example.com");
    authorize(paid, pay(paid, "tok_approve").then().statusCode(201).extract().path("id")).then().statusCode(200);
    String declined = payableOrder(promotion, code, "nea@example.com");
    authorize(declined, pay(declined, "tok_decline_insufficient_funds").then().statusCode(201).extract().path("id"))
        .then().statusCode(200);
    String reserved = payableOrder(promotion, code, "ola@example.com");
    pay(reserved, "tok_approve").then().statusCode(201);
    payableOrder(promotion, code, "per@example.com");

    JsonPath all = redemptions(promotion, "");

    assertThat(all.getMap("counts")).containsEntry("RESERVED", 1).containsEntry("KEPT", 1)
        .containsEntry("GIVEN_BACK", 1);
    assertThat(all.getLong("total")).as("an order without a payment has taken nothing yet").isEqualTo(3);
    assertThat(all.getList("items.orderId")).containsExactly(reserved, declined, paid);
    assertThat(all.getList("items.code")).containsOnly(code);
    assertThat(all.getList("items.email")).containsExactly("ola@example.com", "nea@example.com", "max@example.com");
    assertThat(all.getLong("discounted[0].amount")).isEqualTo(tenPercentOfALamp());
    assertThat(all.getString("discounted[0].currency")).isEqualTo("SEK");
    assertThat(all.getLong("items[2].amount.amount")).isEqualTo(tenPercentOfALamp());
    JsonPath kept = redemptions(promotion, "?status=KEPT");
    assertThat(kept.getList("items.orderId")).containsExactly(paid);
    assertThat(kept.getLong("total")).isEqualTo(1);

    given().port(port).contentType(ContentType.JSON).post("/api/orders/" + reserved + "/cancel").then()
        .statusCode(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> redemptions(promotion, "?status=GIVEN_BACK")
        .getList("items.orderId").contains(reserved));
  }

  @Test
  void redemptionsOfAPromotionThatDoesNotExistOrOfAStatusThatDoesNotAreRefused() {
    problem(asAdmin(port).get("/api/admin/promotions/" + java.util.UUID.randomUUID() + "/redemptions"), 404);
    String promotion = lampCodePromotion();
    problem(asAdmin(port).get("/api/admin/promotions/" + promotion + "/redemptions?status=USED"), 400)
        .body("field", equalTo("status"));
    problem(asAdmin(port).get("/api/admin/promotions/" + promotion + "/redemptions?size=0"), 400)
        .body("field", equalTo("size"));
    problem(given().port(port).get("/api/admin/promotions/" + promotion + "/redemptions"), 401);
  }
}
