package org.monostore.checkout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An order's creation with an Idempotency-Key creates one order from the cart, however often it is sent. */
@StoreTest
class OrderIdempotencyApiTest {

  private static final String KEY = "Idempotency-Key";
  private static final String REPLAYED = "Idempotent-Replayed";

  @LocalServerPort int port;

  @Test
  void theSameKeyTwiceAnswersTheFirstOrderAgain() {
    String cart = cartWithALine();
    String key = UUID.randomUUID().toString();

    Response first = createOrder(cart, key);
    Response again = createOrder(cart, key);

    first.then().statusCode(201).header(REPLAYED, nullValue()).body("cartId", equalTo(cart));
    again.then().statusCode(200).header(REPLAYED, "true").body("cartId", equalTo(cart));
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
    given().port(port).get(first.header("Location")).then().statusCode(200).body("status", equalTo("CREATED"));
  }

  @Test
  void withoutAKeyEachCreationIsAnotherOrder() {
    String cart = cartWithALine();

    String first = createOrder(cart, null).then().statusCode(201).extract().path("id");
    String second = createOrder(cart, null).then().statusCode(201).extract().path("id");

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void tenConcurrentCreationsWithTheSameKeyGiveOneOrder() throws Exception {
    String cart = cartWithALine();
    String key = UUID.randomUUID().toString();
    CountDownLatch start = new CountDownLatch(1);
    List<Response> answers = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(10)) {
      List<Future<Response>> sent = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        sent.add(threads.submit(() -> {
          start.await();
          return createOrder(cart, key);
        }));
      }
      start.countDown();
      for (Future<Response> answer : sent) {
        answers.add(answer.get());
      }
    }

    assertThat(answers).extracting(Response::statusCode).containsOnly(200, 201).containsOnlyOnce(201);
    String order = answers.getFirst().path("id");
    assertThat(answers).extracting(answer -> answer.<String>path("id")).containsOnly(order);
  }

  @Test
  void aKeyUsedForACartChangeIsRefusedForAnOrderWith422() {
    String cart = cartWithALine();
    String key = UUID.randomUUID().toString();
    given().port(port).contentType(ContentType.JSON).header(KEY, key).body(Map.of("by", 1))
        .post("/api/carts/" + cart + "/items/TOYS-000001/increase").then().statusCode(200);

    createOrder(cart, key).then().statusCode(422).contentType("application/problem+json").body("field", equalTo(KEY));
  }

  @Test
  void aKeyForACartThatDoesNotExistIsA400NamingTheCart() {
    createOrder(UUID.randomUUID().toString(), "some-key").then().statusCode(400).body("field", equalTo("cartId"));
  }

  @Test
  void aMalformedKeyIsA400NamingTheHeader() {
    createOrder(cartWithALine(), "not a key").then().statusCode(400).body("field", equalTo(KEY));
  }

  private Response createOrder(String cart, String key) {
    var request = given().port(port).contentType(ContentType.JSON).body(Map.of("cartId", cart));
    return (key == null ? request : request.header(KEY, key)).post("/api/orders");
  }

  private String cartWithALine() {
    String cart = given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201)
        .extract().path("id");
    given().port(port).contentType(ContentType.JSON).body(Map.of("sku", "TOYS-000001", "quantity", 1))
        .post("/api/carts/" + cart + "/items").then().statusCode(200);
    return cart;
  }
}
