package org.monostore.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.Test;
import org.monostore.IdleStoreTest;
import org.monostore.TestStores;
import org.monostore.payment.Payment;
import org.monostore.payment.Payments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Idle orders and payments go to sleep after the idle timeout; the next call wakes them intact. */
@IdleStoreTest
class CheckoutPassivationTest {

  @LocalServerPort int port;
  @Autowired ActorSystem<Void> system;
  @Autowired Payments payments;

  @Test
  void anIdleOrderPassivatesAndWakesWithItsStateIntact() {
    Shopper shopper = new Shopper(port);
    String order = shopper.payableOrder("HOME-000004", 2);
    String payment = shopper.paymentOf(order, "tok_decline_expired_card");
    shopper.authorize(order, payment).then().statusCode(200);
    Map<String, Object> before = shopper.order(order).getMap("$");
    assertThat(liveOrders()).contains(order);

    await().atMost(Duration.ofSeconds(30)).until(() -> !liveOrders().contains(order));

    JsonPath awake = shopper.order(order);
    assertThat(new HashMap<>(awake.getMap("$"))).isEqualTo(before);
    assertThat(awake.getString("contact.name")).isEqualTo("Anna Svensson");
    assertThat(awake.getString("payments[0].outcome.code")).isEqualTo("expired_card");
    assertThat(liveOrders()).contains(order);
  }

  @Test
  void anIdlePaymentPassivatesAndWakesWithItsOutcomeIntact() {
    Shopper shopper = new Shopper(port);
    String order = shopper.payableOrder("HOME-000005", 1);
    String payment = shopper.paymentOf(order, "tok_approve");
    String code = shopper.authorize(order, payment).then().statusCode(200).extract().path("outcome.authorizationCode");
    assertThat(livePayments()).contains(payment);

    await().atMost(Duration.ofSeconds(30)).until(() -> !livePayments().contains(payment));

    // The order answers its payments from its own state; the payment entity wakes when it is asked.
    Payment.Reply woken = payments.get(payment).toCompletableFuture().join();
    assertThat(woken).isInstanceOfSatisfying(Payment.Current.class, current -> {
      assertThat(current.payment().status()).isEqualTo(Payment.Status.AUTHORIZED);
      assertThat(current.payment().outcome().authorizationCode()).isEqualTo(code);
      assertThat(current.payment().orderId()).isEqualTo(order);
    });
    assertThat(livePayments()).contains(payment);
  }

  private Set<String> liveOrders() {
    return TestStores.liveEntityIds(system, PurchaseOrder.ENTITY_KEY);
  }

  private Set<String> livePayments() {
    return TestStores.liveEntityIds(system, Payment.ENTITY_KEY);
  }
}
