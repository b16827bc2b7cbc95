package org.monostore.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A cart change racing the payment that locks the cart ends one of two ways: the change is in the
 * locked amount, or the cart refused it. Never a change that was accepted but not paid for.
 */
@StoreTest
class CartLockRaceTest {

  private static final int RACES = 60;
  private static final String SKU = "TOYS-000003";

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void aChangeRacingThePaymentIsEitherPaidForOrRefused() {
    Shopper shopper = new Shopper(port);
    int inTheAmount = 0;
    int refused = 0;
    for (int race = 0; race < RACES; race++) {
      String order = shopper.payableOrder(SKU, 1);
      String cart = shopper.order(order).getString("cartId");
      long before = shopper.cart(cart).getLong("pricing.total.amount");

      // Half the races start the change first, half the payment, so both orders of arrival occur.
      CompletableFuture<HttpResponse<String>> change;
      CompletableFuture<HttpResponse<String>> payment;
      if (race % 2 == 0) {
        change = post("/api/carts/" + cart + "/items/" + SKU + "/increase", "{\"by\": 2}");
        payment = post("/api/orders/" + order + "/payments", "{\"method\": \"card\", \"token\": \"tok_approve\"}");
      } else {
        payment = post("/api/orders/" + order + "/payments", "{\"method\": \"card\", \"token\": \"tok_approve\"}");
        change = post("/api/carts/" + cart + "/items/" + SKU + "/increase", "{\"by\": 2}");
      }

      assertThat(payment.join().statusCode()).isEqualTo(201);
      long paid = JsonPath.from(payment.join().body()).getLong("amount.amount");
      JsonPath locked = shopper.cart(cart);
      assertThat(locked.getString("status")).isEqualTo("LOCKED");
      assertThat(locked.getLong("pricing.total.amount")).as("the cart as locked is what is paid").isEqualTo(paid);
      int changeStatus = change.join().statusCode();
      if (changeStatus == 200) {
        inTheAmount++;
        assertThat(locked.getInt("lines[0].quantity")).isEqualTo(3);
        assertThat(paid).isGreaterThan(before);
      } else {
        refused++;
        assertThat(changeStatus).isEqualTo(409);
        assertThat(locked.getInt("lines[0].quantity")).isEqualTo(1);
        assertThat(paid).isEqualTo(before);
      }
    }
    assertThat(inTheAmount + refused).isEqualTo(RACES);
  }

  private CompletableFuture<HttpResponse<String>> post(String path, String json) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }
}
