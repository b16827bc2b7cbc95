package org.monostore.cart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Many writers to one cart at once: the cart entity applies every change, none is lost. */
@StoreTest
class CartConcurrencyTest {

  private static final int WRITERS = 80;

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void parallelIncreasesOfOneLineAllCount() {
    String cart = newCart();
    given().port(port).contentType(ContentType.JSON).body(Map.of("sku", "TOYS-000001", "quantity", 1))
        .post("/api/carts/" + cart + "/items").then().statusCode(200);

    List<HttpResponse<String>> responses = all(IntStream.range(0, WRITERS - 1)
        .mapToObj(i -> post("/api/carts/" + cart + "/items/TOYS-000001/increase", "{\"by\": 1}"))
        .toList());

    assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
    given().port(port).get("/api/carts/" + cart).then().statusCode(200)
        .body("lines[0].quantity", org.hamcrest.Matchers.equalTo(WRITERS));
  }

  @Test
  void parallelAddsOfDifferentProductsAllLand() {
    String cart = newCart();
    List<String> skus = IntStream.rangeClosed(1, 40).mapToObj(i -> "HOME-%06d".formatted(i)).toList();

    List<HttpResponse<String>> responses = all(skus.stream()
        .map(sku -> post("/api/carts/" + cart + "/items", "{\"sku\": \"" + sku + "\", \"quantity\": 2}"))
        .toList());

    assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
    List<String> lines = given().port(port).get("/api/carts/" + cart).jsonPath().getList("lines.sku", String.class);
    assertThat(lines).containsExactlyInAnyOrderElementsOf(skus);
  }

  @Test
  void parallelIncreasesAndDecreasesNetOut() {
    String cart = newCart();
    given().port(port).contentType(ContentType.JSON).body(Map.of("sku", "SPRT-000001", "quantity", 50))
        .post("/api/carts/" + cart + "/items").then().statusCode(200);

    List<HttpResponse<String>> responses = all(IntStream.range(0, 60)
        .mapToObj(i -> post("/api/carts/" + cart + "/items/SPRT-000001/" + (i % 2 == 0 ? "increase" : "decrease"), "{}"))
        .toList());

    assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
    given().port(port).get("/api/carts/" + cart).then().statusCode(200)
        .body("lines[0].quantity", org.hamcrest.Matchers.equalTo(50));
  }

  private String newCart() {
    return given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201).extract().path("id");
  }

  private CompletableFuture<HttpResponse<String>> post(String path, String json) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private static <T> List<T> all(List<CompletableFuture<T>> futures) {
    return futures.stream().map(CompletableFuture::join).toList();
  }
}
