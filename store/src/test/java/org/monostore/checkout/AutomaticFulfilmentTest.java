package org.monostore.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With monostore.checkout.fulfil-automatically, an authorized payment creates the fulfilment by itself. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "monostore.embedded-database.directory=target/test-databases/${random.uuid}",
      "pekko.remote.artery.canonical.port=0",
      "monostore.checkout.fulfil-automatically=true"
    })
class AutomaticFulfilmentTest {

  @LocalServerPort int port;

  @Test
  void anAuthorizedOrderGetsItsFulfilmentWithoutAsking() {
    Shopper shopper = new Shopper(port);
    String order = shopper.payableOrder("SPRT-000005", 1);

    shopper.authorize(order, shopper.paymentOf(order, "tok_approve")).then().statusCode(200);

    await().atMost(Duration.ofSeconds(10)).until(() -> shopper.order(order).getString("status"),
        status -> status.equals("FULFILLMENT_CREATED"));
    assertThat(shopper.order(order).getString("fulfillment.status")).isEqualTo("CREATED");
    assertThat(shopper.order(order).getList("fulfillment.items.sku")).containsExactly("SPRT-000005");
    assertThat(shopper.order(order).getString("fulfillment.shippingAddress.city")).isEqualTo("Stockholm");
  }

  @Test
  void aDeclinedPaymentCreatesNoFulfilment() {
    Shopper shopper = new Shopper(port);
    String order = shopper.payableOrder("SPRT-000005", 1);

    shopper.authorize(order, shopper.paymentOf(order, "tok_decline_insufficient_funds")).then().statusCode(200);

    assertThat(shopper.order(order).getString("status")).isEqualTo("PAYMENT_ADDED");
    assertThat(shopper.order(order).getString("fulfillment")).isNull();
  }
}
