package org.monostore.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.monostore.payment.SimulatedPaymentGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Authorization through the simulated gateway over real HTTP: each test token's outcome, retries with
 * a new payment, and idempotency: the gateway is asked once per payment, however often and however
 * concurrently the client authorizes.
 */
@StoreTest
class PaymentAuthorizationApiTest {

  private static final String MUG = "KITC-000002";

  @LocalServerPort int port;
  @Autowired SimulatedPaymentGateway gateway;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Shopper shopper;

  @BeforeEach
  void shopper() {
    shopper = new Shopper(port);
  }

  @Test
  void concurrentAuthorizationsWithOneKeyAskTheGatewayOnceAndAllGetTheSameOutcome() {
    String order = shopper.payableOrder(MUG, 1);
    String payment = shopper.paymentOf(order, "tok_approve");
    int approvalsBefore = gateway.approvals();

    List<HttpResponse<String>> responses = IntStream.range(0, 12)
        .mapToObj(i -> authorizeAsync(order, payment, "checkout-42"))
        .toList().stream().map(CompletableFuture::join).toList();

    assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
    List<String> codes = responses.stream()
        .map(response -> JsonPath.from(response.body()).getString("outcome.authorizationCode")).distinct().toList();
    assertThat(codes).hasSize(1).doesNotContainNull();
    assertThat(gateway.requestsFor(payment)).isEqualTo(1);
    assertThat(gateway.approvals()).isEqualTo(approvalsBefore + 1);
  }

  @Test
  void authorizingAgainWithoutAKeyOrWithAnotherKeyAnswersTheFirstOutcome() {
    String order = shopper.payableOrder(MUG, 1);
    String payment = shopper.paymentOf(order, "tok_approve");
    String code = shopper.authorize(order, payment).then().statusCode(200).extract().path("outcome.authorizationCode");

    shopper.authorize(order, payment).then().statusCode(200).body("outcome.authorizationCode", equalTo(code));
    shopper.authorize(order, payment, "another-key").then().statusCode(200)
        .body("outcome.authorizationCode", equalTo(code));
    assertThat(gateway.requestsFor(payment)).isEqualTo(1);
  }

  @Test
  void aKeyUsedForOnePaymentIsRefusedForAnother() {
    String order = shopper.payableOrder(MUG, 1);
    String declined = shopper.paymentOf(order, "tok_decline_expired_card");
    shopper.authorize(order, declined, "key-1").then().statusCode(200).body("status", equalTo("DECLINED"));
    String retry = shopper.paymentOf(order, "tok_approve");

    shopper.authorize(order, retry, "key-1").then().statusCode(409);

    assertThat(gateway.requestsFor(retry)).isZero();
    shopper.authorize(order, retry, "key-2").then().statusCode(200).body("status", equalTo("AUTHORIZED"));
  }

  @Test
  void aDeclinedCardLeavesTheOrderPayableWithANewPayment() {
    String order = shopper.payableOrder(MUG, 2);
    String declined = shopper.paymentOf(order, "tok_decline_insufficient_funds");

    shopper.authorize(order, declined).then().statusCode(200)
        .body("status", equalTo("DECLINED"))
        .body("outcome.code", equalTo("insufficient_funds"));
    JsonPath afterDecline = shopper.order(order);
    assertThat(afterDecline.getString("status")).isEqualTo("PAYMENT_ADDED");
    assertThat(afterDecline.getList("allowedActions")).contains("addPayment");

    String expired = shopper.paymentOf(order, "tok_decline_expired_card");
    shopper.authorize(order, expired).then().statusCode(200).body("outcome.code", equalTo("expired_card"));
    String approved = shopper.paymentOf(order, "tok_approve");
    shopper.authorize(order, approved).then().statusCode(200).body("status", equalTo("AUTHORIZED"));

    JsonPath paid = shopper.order(order);
    assertThat(paid.getString("status")).isEqualTo("PAYMENT_AUTHORIZED");
    assertThat(paid.getList("payments.status")).containsExactly("DECLINED", "DECLINED", "AUTHORIZED");
    assertThat(paid.getList("payments.amount.amount", Long.class)).containsOnly(paid.getLong("pricing.total.amount"));
  }

  @Test
  void aGatewayErrorFailsThePaymentAndANewOneCanBeAdded() {
    String order = shopper.payableOrder(MUG, 1);
    String failed = shopper.paymentOf(order, "tok_gateway_error");

    shopper.authorize(order, failed).then().statusCode(200)
        .body("status", equalTo("FAILED"))
        .body("outcome.code", equalTo("gateway_error"));
    shopper.authorize(order, failed).then().statusCode(200).body("status", equalTo("FAILED"));
    assertThat(gateway.requestsFor(failed)).isEqualTo(1);

    String retry = shopper.paymentOf(order, "tok_approve");
    shopper.authorize(order, retry).then().statusCode(200).body("status", equalTo("AUTHORIZED"));
  }

  @Test
  void anUnknownTokenIsDeclined() {
    String order = shopper.payableOrder(MUG, 1);
    String payment = shopper.paymentOf(order, "tok_made_up");

    shopper.authorize(order, payment).then().statusCode(200)
        .body("status", equalTo("DECLINED"))
        .body("outcome.code", equalTo("invalid_token"));
  }

  /**
   * The gateway answers tok_timeout after the store's timeout (2 s against 1 s in tests). The payment
   * is PENDING: no new payment, no cancel, until authorizing again learns the gateway's first outcome.
   */
  @Test
  void aSlowGatewayLeavesThePaymentPendingAndAskingAgainLearnsItsOutcomeWithoutASecondCharge() throws Exception {
    String order = shopper.payableOrder(MUG, 1);
    String payment = shopper.paymentOf(order, "tok_timeout");
    int approvalsBefore = gateway.approvals();

    shopper.authorize(order, payment).then().statusCode(200)
        .body("status", equalTo("PENDING"))
        .body("outcome.code", equalTo("timeout"));
    shopper.addPayment(order, "tok_approve").then().statusCode(409).body("allowed", hasItem("authorize"));
    shopper.post("/api/orders/" + order + "/cancel").then().statusCode(409);

    Thread.sleep(Duration.ofSeconds(2).toMillis());
    shopper.authorize(order, payment).then().statusCode(200).body("status", equalTo("AUTHORIZED"));

    assertThat(gateway.requestsFor(payment)).isEqualTo(2);
    assertThat(gateway.approvals()).isEqualTo(approvalsBefore + 1);
    assertThat(shopper.order(order).getString("status")).isEqualTo("PAYMENT_AUTHORIZED");
  }

  private CompletableFuture<HttpResponse<String>> authorizeAsync(String order, String payment, String key) {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/orders/" + order + "/payments/" + payment + "/authorize"))
        .header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }
}
