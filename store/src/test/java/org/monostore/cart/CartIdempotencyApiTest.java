package org.monostore.cart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.monostore.TestUsers;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every cart write with an Idempotency-Key is made once, however often and however concurrently it is sent. */
@StoreTest
class CartIdempotencyApiTest {

  private static final String KEY = "Idempotency-Key";
  private static final String REPLAYED = "Idempotent-Replayed";
  private static final String GARDEN = "GRDN-000001";
  private static final String BEAUTY = "BEAU-000001";

  @LocalServerPort int port;

  @Test
  void aKeyedIncreaseSentThreeTimesIsMadeOnceAndItsRepeatsSayTheyReplay() {
    String cart = cartWith(GARDEN, 1);
    String key = UUID.randomUUID().toString();

    increase(cart, key, 2).then().statusCode(200).header(REPLAYED, nullValue()).body("lines[0].quantity", equalTo(3));
    increase(cart, key, 2).then().statusCode(200).header(REPLAYED, "true").body("lines[0].quantity", equalTo(3));
    increase(cart, key, 2).then().statusCode(200).header(REPLAYED, "true").body("lines[0].quantity", equalTo(3));

    assertThat(quantity(cart, GARDEN)).isEqualTo(3);
  }

  @Test
  void twentyConcurrentCopiesOfAKeyedIncreaseAreMadeOnce() throws Exception {
    String cart = cartWith(GARDEN, 1);
    String key = UUID.randomUUID().toString();

    List<Response> answers = concurrently(20, () -> increase(cart, key, 5));

    assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
    assertThat(answers).filteredOn(answer -> answer.header(REPLAYED) == null).hasSize(1);
    assertThat(quantity(cart, GARDEN)).isEqualTo(6);
  }

  @Test
  void unkeyedIncreasesAreEachMade() throws Exception {
    String cart = cartWith(GARDEN, 1);

    concurrently(10, () -> shopper().body(Map.of("by", 1)).post("/api/carts/" + cart + "/items/" + GARDEN + "/increase"));

    assertThat(quantity(cart, GARDEN)).isEqualTo(11);
  }

  @Test
  void theSameKeyWithAnotherRequestIsRefusedWith422AndChangesNothing() {
    String cart = cartWith(GARDEN, 1);
    given().port(port).contentType(ContentType.JSON).body(Map.of("sku", BEAUTY, "quantity", 1))
        .post("/api/carts/" + cart + "/items").then().statusCode(200);
    String key = UUID.randomUUID().toString();
    increase(cart, key, 1).then().statusCode(200);
    Map<String, Object> before = cartNow(cart);

    for (Response other : List.of(
        increase(cart, key, 2),
        shopper().header(KEY, key).body(Map.of("by", 1)).post("/api/carts/" + cart + "/items/" + GARDEN + "/decrease"),
        shopper().header(KEY, key).body(Map.of("by", 1)).post("/api/carts/" + cart + "/items/" + BEAUTY + "/increase"),
        shopper().header(KEY, key).body(Map.of("quantity", 2)).put("/api/carts/" + cart + "/items/" + GARDEN),
        shopper().header(KEY, key).delete("/api/carts/" + cart + "/items"))) {
      other.then().statusCode(422).contentType("application/problem+json").body("field", equalTo(KEY));
    }

    assertThat(cartNow(cart)).isEqualTo(before);
  }

  @Test
  void everyCartWriteTakesAKeyAndAnswersItsRepeatWithoutMakingItAgain() {
    String cart = given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201)
        .extract().path("id");
    String path = "/api/carts/" + cart + "/items";
    List<Write> writes = List.of(
        new Write(s -> s.body(Map.of("sku", GARDEN, "quantity", 2)).post(path), Map.of(GARDEN, 2)),
        new Write(s -> s.body(Map.of("sku", BEAUTY, "quantity", 1)).post(path), Map.of(GARDEN, 2, BEAUTY, 1)),
        new Write(s -> s.body(Map.of("by", 3)).post(path + "/" + GARDEN + "/increase"), Map.of(GARDEN, 5, BEAUTY, 1)),
        new Write(s -> s.body(Map.of("by", 1)).post(path + "/" + GARDEN + "/decrease"), Map.of(GARDEN, 4, BEAUTY, 1)),
        new Write(s -> s.body(Map.of("quantity", 7)).put(path + "/" + BEAUTY), Map.of(GARDEN, 4, BEAUTY, 7)),
        new Write(s -> s.delete(path + "/" + BEAUTY), Map.of(GARDEN, 4)),
        new Write(s -> s.body(Map.of("sku", BEAUTY, "quantity", 1)).post(path), Map.of(GARDEN, 4, BEAUTY, 1)),
        new Write(s -> s.delete(path), Map.of()));

    for (Write write : writes) {
      String key = UUID.randomUUID().toString();
      write.send().apply(shopper().header(KEY, key)).then().statusCode(200).header(REPLAYED, nullValue());
      assertThat(quantities(cart)).isEqualTo(write.linesAfter());
      write.send().apply(shopper().header(KEY, key)).then().statusCode(200).header(REPLAYED, "true");
      assertThat(quantities(cart)).as("after the repeat").isEqualTo(write.linesAfter());
    }
  }

  @Test
  void anAdminsKeyedEditIsMadeOnceAndIsAnotherRequestThanTheShoppersUnderTheSameKey() {
    String cart = cartWith(GARDEN, 1);
    String key = UUID.randomUUID().toString();
    String increase = "/api/admin/carts/" + cart + "/items/" + GARDEN + "/increase";

    TestUsers.asAdmin(port).header(KEY, key).body(Map.of("by", 2)).post(increase).then().statusCode(200)
        .header(REPLAYED, nullValue()).body("lines[0].quantity", equalTo(3));
    TestUsers.asAdmin(port).header(KEY, key).body(Map.of("by", 2)).post(increase).then().statusCode(200)
        .header(REPLAYED, "true").body("lines[0].quantity", equalTo(3)).body("timeline.size()", equalTo(4));
    increase(cart, key, 2).then().statusCode(422).body("field", equalTo(KEY));

    assertThat(quantity(cart, GARDEN)).isEqualTo(3);
  }

  @Test
  void aMalformedKeyIsA400NamingTheHeaderAndChangesNothing() {
    String cart = cartWith(GARDEN, 1);

    for (String malformed : List.of("", "with space", "tab\there", "ä-not-ascii", "x".repeat(256))) {
      shopper().header(KEY, malformed).body(Map.of("by", 1)).post("/api/carts/" + cart + "/items/" + GARDEN + "/increase")
          .then().statusCode(400).contentType("application/problem+json").body("field", equalTo(KEY));
    }
    increase(cart, "x".repeat(255), 1).then().statusCode(200);

    assertThat(quantity(cart, GARDEN)).isEqualTo(2);
  }

  @Test
  void aRefusedKeyedChangeIsNotRememberedSoItsRetryIsDecidedAgain() {
    String cart = cartWith(GARDEN, 98);
    String key = UUID.randomUUID().toString();

    increase(cart, key, 2).then().statusCode(400).body("field", equalTo("by"));
    shopper().body(Map.of("by", 1)).post("/api/carts/" + cart + "/items/" + GARDEN + "/decrease").then().statusCode(200);
    increase(cart, key, 2).then().statusCode(200).header(REPLAYED, nullValue());
    increase(cart, key, 2).then().statusCode(200).header(REPLAYED, "true");

    assertThat(quantity(cart, GARDEN)).isEqualTo(99);
  }

  record Write(Function<RequestSpecification, Response> send, Map<String, Integer> linesAfter) {}

  private Response increase(String cart, String key, int by) {
    return shopper().header(KEY, key).body(Map.of("by", by)).post("/api/carts/" + cart + "/items/" + GARDEN + "/increase");
  }

  private RequestSpecification shopper() {
    return given().port(port).contentType(ContentType.JSON);
  }

  private String cartWith(String sku, int quantity) {
    String cart = shopper().post("/api/carts").then().statusCode(201).extract().path("id");
    shopper().body(Map.of("sku", sku, "quantity", quantity)).post("/api/carts/" + cart + "/items").then().statusCode(200);
    return cart;
  }

  private Map<String, Object> cartNow(String cart) {
    return given().port(port).get("/api/carts/" + cart).then().statusCode(200).extract().jsonPath().getMap("$");
  }

  private int quantity(String cart, String sku) {
    return quantities(cart).getOrDefault(sku, 0);
  }

  private Map<String, Integer> quantities(String cart) {
    List<Map<String, Object>> lines =
        given().port(port).get("/api/carts/" + cart).then().statusCode(200).extract().jsonPath().getList("lines");
    return lines.stream().collect(Collectors.toMap(
        line -> (String) line.get("sku"), line -> (Integer) line.get("quantity")));
  }

  private static List<Response> concurrently(int times, Callable<Response> request) throws Exception {
    try (ExecutorService threads = Executors.newFixedThreadPool(times)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Response>> answers = IntStream.range(0, times)
          .mapToObj(i -> threads.submit(() -> {
            start.await();
            return request.call();
          }))
          .toList();
      start.countDown();
      List<Response> all = new ArrayList<>();
      for (Future<Response> answer : answers) {
        all.add(answer.get());
      }
      return all;
    }
  }
}
