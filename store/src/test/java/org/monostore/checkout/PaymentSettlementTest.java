package org.monostore.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.monostore.TestUsers.asAdmin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monostore.TestStores;
import org.monostore.TestUsers;
import org.monostore.payment.PaymentGateway;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Money in limbo is driven to an end by the payment settlement reminders, not left to a customer or an
 * admin coming back: a cancelled paid order's release is retried through a gateway that times out, then
 * refuses, then answers; across a restart of the store; and a pending payment nobody asks about again
 * learns its outcome.
 */
class PaymentSettlementTest {

  private static final String PEN = "OFFC-000003";
  private static final Map<String, Object> QUICK_REMINDERS = Map.of(
      "monostore.checkout.settlement-interval", "300ms",
      "monostore.payment.gateway-timeout", "1s",
      "monostore.admin.username", TestUsers.ADMIN,
      "monostore.admin.password", TestUsers.ADMIN_PASSWORD);

  @TempDir Path data;

  @Test
  void aReleaseThatTimesOutThenIsRefusedIsRetriedUntilTheGatewayReleases() {
    ScriptedGateway.releases = List.of(
        request -> new CompletableFuture<>(),
        request -> CompletableFuture.completedFuture(new PaymentGateway.ReleaseFailed("gateway_error", "Try later")),
        request -> CompletableFuture.completedFuture(new PaymentGateway.Released()));
    try (ConfigurableApplicationContext store = start()) {
      Shopper shopper = new Shopper(TestStores.httpPort(store));
      String order = shopper.paidOrder(PEN, 1);

      asAdmin(TestStores.httpPort(store)).post("/api/admin/orders/" + order + "/cancel").then().statusCode(200);

      await().atMost(Duration.ofSeconds(30)).until(() ->
          shopper.order(order).getString("payments[0].status").equals("RELEASED"));
      assertThat(ScriptedGateway.released).hasSize(3);
      await().atMost(Duration.ofSeconds(10)).until(() -> reminders(store) == 0);
    }
  }

  @Test
  void aReleaseStillDueWhenTheStoreStopsIsMadeByTheNextStoreWithoutAnyoneAsking() {
    ScriptedGateway.releases = List.of(
        request -> CompletableFuture.completedFuture(new PaymentGateway.ReleaseFailed("gateway_error", "Try later")));
    String order;
    try (ConfigurableApplicationContext store = start()) {
      Shopper shopper = new Shopper(TestStores.httpPort(store));
      order = shopper.paidOrder(PEN, 1);
      asAdmin(TestStores.httpPort(store)).post("/api/admin/orders/" + order + "/cancel").then().statusCode(200);
      await().atMost(Duration.ofSeconds(10)).until(() -> reminders(store) == 1);
    }
    int refused = ScriptedGateway.released.size();
    assertThat(refused).isGreaterThanOrEqualTo(1);

    ScriptedGateway.releases = List.of(request -> CompletableFuture.completedFuture(new PaymentGateway.Released()));
    try (ConfigurableApplicationContext store = start()) {
      // Nobody asks for the order: only the reminder can wake it.
      await().atMost(Duration.ofSeconds(30)).until(() -> reminders(store) == 0);
      assertThat(ScriptedGateway.released).hasSizeGreaterThan(refused);
      assertThat(new Shopper(TestStores.httpPort(store)).order(order).getString("payments[0].status"))
          .isEqualTo("RELEASED");
    }
  }

  @Test
  void aPendingPaymentNobodyAuthorizesAgainLearnsItsOutcome() {
    try (ConfigurableApplicationContext store = start()) {
      Shopper shopper = new Shopper(TestStores.httpPort(store));
      String order = shopper.payableOrder(PEN, 1);
      String payment = shopper.paymentOf(order, ScriptedGateway.SLOW);
      shopper.authorize(order, payment).then().statusCode(200);
      assertThat(shopper.order(order).getString("payments[0].status")).isEqualTo("PENDING");

      await().atMost(Duration.ofSeconds(30)).until(() ->
          shopper.order(order).getString("status").equals("PAYMENT_AUTHORIZED"));
      String cart = shopper.order(order).getString("cartId");
      await().atMost(Duration.ofSeconds(10)).until(() -> shopper.cart(cart).getString("status").equals("CHECKED_OUT"));
      await().atMost(Duration.ofSeconds(10)).until(() -> reminders(store) == 0);
    }
  }

  @BeforeEach
  void noReleasesYet() {
    ScriptedGateway.released.clear();
  }

  private ConfigurableApplicationContext start() {
    return TestStores.withEmbeddedDatabase(data, QUICK_REMINDERS, ScriptedGateway.class);
  }

  private static int reminders(ConfigurableApplicationContext store) {
    Integer count = store.getBean(JdbcTemplate.class)
        .queryForObject("SELECT count(*) FROM payment_settlement", Integer.class);
    return count == null ? 0 : count;
  }

  /**
   * A gateway that approves every card ({@link #SLOW} after longer than the store waits), idempotent by
   * key, and answers releases as the test scripts them, the last answer repeating. Not a configuration
   * class, so that the component scan of other tests' stores does not pick it up: only the stores of this
   * test name it as a source.
   */
  static class ScriptedGateway {

    static final String SLOW = "tok_slow";
    static volatile List<Function<PaymentGateway.ReleaseRequest, CompletionStage<PaymentGateway.Release>>> releases =
        List.of();
    static final List<PaymentGateway.ReleaseRequest> released = new CopyOnWriteArrayList<>();

    @Bean
    @Primary
    PaymentGateway scriptedGateway() {
      Map<String, CompletableFuture<PaymentGateway.Authorization>> byKey = new ConcurrentHashMap<>();
      return new PaymentGateway() {
        @Override
        public CompletionStage<Authorization> authorize(AuthorizationRequest request) {
          return byKey.computeIfAbsent(request.key(), key -> request.token().equals(SLOW)
              ? CompletableFuture.supplyAsync(() -> new Approved("AUTH-SLOW"),
                  CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS))
              : CompletableFuture.completedFuture(new Approved("AUTH-" + key.substring(0, 8))));
        }

        @Override
        public CompletionStage<Release> release(ReleaseRequest request) {
          int attempt = released.size();
          released.add(request);
          var script = releases;
          return script.get(Math.min(attempt, script.size() - 1)).apply(request);
        }
      };
    }
  }
}
