package org.monostore.promotion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.monostore.Problems.problem;
import static org.monostore.TestUsers.asAdmin;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.monostore.StoreTest;
import org.monostore.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Promotions over HTTP: an admin defines one, and every cart it is for is priced by it within a moment,
 * until it is paused or ended. The SKUs are ones no other test buys, and each test ends what it made,
 * because the tests share one store.
 */
@StoreTest
class PromotionApiTest {

  private static final String PEN = "OFFC-000031";
  private static final String PAPER = "OFFC-000032";

  @LocalServerPort int port;
  @Autowired LivePromotions live;
  private final MadePromotions made = new MadePromotions();

  @AfterEach
  void endWhatWasMade() {
    made.endAll(port, live);
  }

  private static Map<String, Object> tenPercentOffPens() {
    Map<String, Object> definition = new HashMap<>();
    definition.put("name", "10 % off pens");
    definition.put("trigger", "AUTOMATIC");
    definition.put("conditions", Map.of("markets", List.of("SE"), "requires", Map.of("skus", List.of(PEN))));
    definition.put("reward", Map.of("type", "PERCENT_OFF", "percent", 10, "target", Map.of("skus", List.of(PEN))));
    return definition;
  }

  private String create(Map<String, Object> definition) {
    String id = asAdmin(port).body(definition).post("/api/admin/promotions").then().statusCode(201)
        .body("status", equalTo("ACTIVE")).extract().path("id");
    made.add(id);
    return id;
  }

  private String cartWith(String sku, int quantity) {
    String cart = given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201)
        .extract().path("id");
    given().port(port).contentType(ContentType.JSON).body(Map.of("sku", sku, "quantity", quantity))
        .post("/api/carts/" + cart + "/items").then().statusCode(200);
    return cart;
  }

  private JsonPath cart(String cart) {
    return given().port(port).get("/api/carts/" + cart).then().statusCode(200).extract().jsonPath();
  }

  /** Promotions reach the carts through each node's copy of them: a moment after the change. */
  private JsonPath awaitCart(String cart, Predicate<JsonPath> priced) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> cart(cart), priced);
  }

  private static boolean discounted(JsonPath cart) {
    return cart.getLong("pricing.discountTotal.amount") > 0;
  }

  @Test
  void anAutomaticPromotionPricesTheCartsItIsFor() {
    String promotion = create(tenPercentOffPens());
    String cart = cartWith(PEN, 3);

    JsonPath priced = awaitCart(cart, PromotionApiTest::discounted);

    long lineTotal = priced.getLong("pricing.lines[0].lineTotal.amount");
    long tenPercent = Math.round(lineTotal / 10.0);
    assertThat(priced.getLong("pricing.discountTotal.amount")).isEqualTo(tenPercent);
    long shipping = priced.getLong("pricing.shipping.fee.amount");
    assertThat(priced.getLong("pricing.total.amount")).isEqualTo(lineTotal - tenPercent + shipping);
    assertThat(priced.getString("pricing.discounts[0].promotionId")).isEqualTo(promotion);
    assertThat(priced.getString("pricing.discounts[0].description")).isEqualTo("10 % off pens");
    assertThat(priced.getString("promotions.applied[0].promotionId")).isEqualTo(promotion);
    assertThat(priced.getLong("promotions.applied[0].amount.amount")).isEqualTo(tenPercent);
    // The VAT is that of what the shopper pays for the goods, and the shipping's.
    long vat = priced.getLong("pricing.tax.amount.amount");
    assertThat(vat).isEqualTo(Math.round((lineTotal - tenPercent) * 0.25 / 1.25)
        + priced.getLong("pricing.shipping.vat.amount"));
  }

  @Test
  void aCartShortOfThePromotionSaysWhyAndOneWithoutItsGoodsIsNotToldOfIt() {
    Map<String, Object> definition = tenPercentOffPens();
    definition.put("conditions", Map.of("markets", List.of("SE"), "minimumItems", 2,
        "requires", Map.of("skus", List.of(PEN))));
    String promotion = create(definition);
    String onePen = cartWith(PEN, 1);
    String paper = cartWith(PAPER, 1);

    JsonPath priced = awaitCart(onePen, view -> view.getList("promotions.notApplied.promotionId").contains(promotion));

    assertThat(priced.getLong("pricing.discountTotal.amount")).isZero();
    Map<String, Object> notApplied = priced.getMap("promotions.notApplied.find { it.promotionId == '" + promotion + "' }");
    assertThat(notApplied).containsEntry("reason", "needs 1 more item").containsEntry("name", "10 % off pens");
    assertThat(awaitCart(paper, view -> true).getList("promotions.notApplied.promotionId")).doesNotContain(promotion);
  }

  @Test
  void aPausedPromotionPricesNoCartUntilItIsResumedAndAnEndedOneNoneForGood() {
    String promotion = create(tenPercentOffPens());
    String cart = cartWith(PEN, 1);
    awaitCart(cart, PromotionApiTest::discounted);

    asAdmin(port).post("/api/admin/promotions/" + promotion + "/pause").then().statusCode(200)
        .body("status", equalTo("PAUSED")).body("updatedBy", equalTo(TestUsers.ADMIN));
    awaitCart(cart, view -> !discounted(view));
    problem(asAdmin(port).post("/api/admin/promotions/" + promotion + "/pause"), 409)
        .body("currentStatus", equalTo("PAUSED"));

    asAdmin(port).post("/api/admin/promotions/" + promotion + "/resume").then().statusCode(200)
        .body("status", equalTo("ACTIVE"));
    awaitCart(cart, PromotionApiTest::discounted);

    asAdmin(port).post("/api/admin/promotions/" + promotion + "/end").then().statusCode(200)
        .body("status", equalTo("ENDED"));
    awaitCart(cart, view -> !discounted(view));
    problem(asAdmin(port).post("/api/admin/promotions/" + promotion + "/resume"), 409)
        .body("currentStatus", equalTo("ENDED")).body("$", not(hasKey("allowed")));
    problem(asAdmin(port).body(tenPercentOffPens()).put("/api/admin/promotions/" + promotion), 409)
        .body("currentStatus", equalTo("ENDED"));
  }

  @Test
  void aChangedDefinitionPricesCartsFromThenOnAndReadsBackAsWritten() {
    String promotion = create(tenPercentOffPens());
    String cart = cartWith(PEN, 2);
    long lineTotal = awaitCart(cart, PromotionApiTest::discounted).getLong("pricing.lines[0].lineTotal.amount");

    Map<String, Object> changed = tenPercentOffPens();
    changed.put("reward", Map.of("type", "PERCENT_OFF", "percent", 12.5, "target", Map.of("skus", List.of(PEN))));
    asAdmin(port).body(changed).put("/api/admin/promotions/" + promotion).then().statusCode(200)
        .body("definition.reward.percent", equalTo(12.5f));

    long twelveAndAHalf = Math.round(lineTotal * 0.125);
    JsonPath priced = awaitCart(cart, view -> view.getLong("pricing.discountTotal.amount") == twelveAndAHalf);
    assertThat(priced.getString("pricing.discounts[0].promotionId")).isEqualTo(promotion);

    JsonPath read = asAdmin(port).get("/api/admin/promotions/" + promotion).then().statusCode(200)
        .extract().jsonPath();
    assertThat(read.getString("definition.name")).isEqualTo("10 % off pens");
    assertThat(read.getList("definition.conditions.markets")).containsExactly("SE");
    assertThat(read.getList("definition.reward.target.skus")).containsExactly(PEN);
    assertThat(read.getString("definition.stacking")).isEqualTo("STACKABLE");
    assertThat(read.getInt("definition.priority")).isZero();
  }

  @Test
  void theListHoldsEveryPromotionNewestFirstAndFiltersByStatus() {
    String first = create(tenPercentOffPens());
    String second = create(tenPercentOffPens());
    asAdmin(port).post("/api/admin/promotions/" + first + "/pause").then().statusCode(200);

    await().atMost(Duration.ofSeconds(10)).until(() -> listed("?status=PAUSED").contains(first)
        && listed("?status=ACTIVE").contains(second));
    List<String> all = listed("");
    assertThat(all.indexOf(second)).isLessThan(all.indexOf(first));
    assertThat(listed("?status=ACTIVE")).doesNotContain(first);
    problem(asAdmin(port).get("/api/admin/promotions?status=SOMETIMES"), 400);
  }

  private List<String> listed(String query) {
    return asAdmin(port).get("/api/admin/promotions" + query).then().statusCode(200).extract().jsonPath()
        .getList("id");
  }

  static Stream<Arguments> badDefinitions() {
    return Stream.of(
        Arguments.of("no name", with("name", null), "name"),
        Arguments.of("a name of spaces", with("name", "   "), "name"),
        Arguments.of("a trigger it does not know", with("trigger", "SOMETIMES"), "trigger"),
        Arguments.of("a priority out of range", with("priority", 5000), "priority"),
        Arguments.of("no reward", with("reward", null), "reward.type"),
        Arguments.of("zero percent", reward(Map.of("type", "PERCENT_OFF", "percent", 0)), "reward.percent"),
        Arguments.of("over 100 percent", reward(Map.of("type", "PERCENT_OFF", "percent", 100.5)), "reward.percent"),
        Arguments.of("three decimals", reward(Map.of("type", "PERCENT_OFF", "percent", 10.125)), "reward.percent"),
        Arguments.of("a negative amount", withCurrency(reward(Map.of("type", "AMOUNT_OFF", "amount", -100))),
            "reward.amount"),
        Arguments.of("an amount without currency", reward(Map.of("type", "AMOUNT_OFF", "amount", 5000)), "currency"),
        Arguments.of("a currency the market does not sell in",
            with(withCurrency(reward(Map.of("type", "AMOUNT_OFF", "amount", 5000))), "currency", "EUR"), "currency"),
        Arguments.of("an amount on a percentage",
            reward(Map.of("type", "PERCENT_OFF", "percent", 10, "amount", 100)), "reward.amount"),
        Arguments.of("tiers going down", withCurrency(reward(Map.of("type", "SPEND_TIERS", "tiers",
            List.of(Map.of("threshold", 200000, "percent", 15), Map.of("threshold", 100000, "percent", 10))))),
            "reward.tiers[1].threshold"),
        Arguments.of("buy none", reward(Map.of("type", "BUY_GET", "buy", 0, "get", 1, "percent", 100)), "reward.buy"),
        Arguments.of("an end before the start", with("conditions", Map.of("startsAt", "2026-12-24T00:00:00Z",
            "endsAt", "2026-12-01T00:00:00Z")), "conditions.endsAt"),
        Arguments.of("a market the shop does not sell in", with("conditions", Map.of("markets", List.of("XX"))),
            "conditions.markets"),
        Arguments.of("a SKU the catalog does not have",
            reward(Map.of("type", "PERCENT_OFF", "percent", 10, "target", Map.of("skus", List.of("NOPE-000001")))),
            "reward.target.skus"),
        Arguments.of("a category the catalog does not have",
            with("conditions", Map.of("requires", Map.of("categories", List.of("Spaceships")))),
            "conditions.requires.categories"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDefinitions")
  void aBadDefinitionIsRefusedNamingTheFieldAndCreatesNothing(String what, Map<String, Object> body, String field) {
    int before = listed("").size();

    problem(asAdmin(port).body(body).post("/api/admin/promotions"), 400).body("field", equalTo(field));

    assertThat(listed("")).hasSize(before);
  }

  @Test
  void aBodyThatIsNoDefinitionIsRefused() {
    problem(asAdmin(port).post("/api/admin/promotions"), 400);
    problem(asAdmin(port).body("[1, 2]").post("/api/admin/promotions"), 400);
    problem(asAdmin(port).body("{\"name\": ").post("/api/admin/promotions"), 400);
  }

  @Test
  void anUnknownPromotionIsNotFoundAndAMalformedIdIsRefused() {
    String unknown = "00000000-0000-4000-8000-000000000000";
    problem(asAdmin(port).get("/api/admin/promotions/" + unknown), 404);
    problem(asAdmin(port).post("/api/admin/promotions/" + unknown + "/pause"), 404);
    problem(asAdmin(port).body(tenPercentOffPens()).put("/api/admin/promotions/" + unknown), 404);
    problem(asAdmin(port).get("/api/admin/promotions/not-an-id"), 400).body("field", equalTo("promotionId"));
  }

  @Test
  void onlyAdminsSeeOrChangePromotions() {
    given().port(port).get("/api/admin/promotions").then().statusCode(401);
    given().port(port).contentType(ContentType.JSON).body(tenPercentOffPens()).post("/api/admin/promotions")
        .then().statusCode(401);
    given().port(port).auth().preemptive().basic(TestUsers.NOT_ADMIN, TestUsers.NOT_ADMIN_PASSWORD)
        .get("/api/admin/promotions").then().statusCode(403);
  }

  private static Map<String, Object> with(String field, Object value) {
    return with(tenPercentOffPens(), field, value);
  }

  private static Map<String, Object> with(Map<String, Object> definition, String field, Object value) {
    definition.put(field, value);
    return definition;
  }

  private static Map<String, Object> reward(Map<String, Object> reward) {
    return with("reward", reward);
  }

  private static Map<String, Object> withCurrency(Map<String, Object> definition) {
    return with(definition, "currency", "SEK");
  }
}
