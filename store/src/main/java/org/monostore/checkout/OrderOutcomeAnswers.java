package org.monostore.checkout;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.monostore.platform.Asks;
import org.monostore.payment.Payment;
import org.monostore.promotion.OrderOutcomes;
import org.monostore.stock.OrderPayments;
import org.springframework.stereotype.Component;

/**
 * An order's word on what became of it: for a promotion or code whose use of it stayed reserved, and
 * for a stock whose reservation for it ran out.
 */
@Component
class OrderOutcomeAnswers implements OrderOutcomes, OrderPayments {

  private final ClusterSharding sharding;
  private final Asks asks;

  OrderOutcomeAnswers(ClusterSharding sharding, Asks asks) {
    this.sharding = sharding;
    this.asks = asks;
  }

  @Override
  public CompletionStage<Outcome> of(String orderId) {
    return asks.<PurchaseOrder.Command, PurchaseOrder.Reply>askLater(
            sharding.entityRefFor(PurchaseOrder.ENTITY_KEY, orderId), PurchaseOrder.Get::new)
        .thenApply(reply -> switch (reply) {
          case PurchaseOrder.Current(OrderState order) -> outcome(order);
          case PurchaseOrder.Rejected rejected -> Outcome.NOT_PAID;
        });
  }

  @Override
  public CompletionStage<Boolean> paidFor(String orderId, String sku) {
    return asks.<PurchaseOrder.Command, PurchaseOrder.Reply>askLater(
            sharding.entityRefFor(PurchaseOrder.ENTITY_KEY, orderId), PurchaseOrder.Get::new)
        .thenApply(reply -> reply instanceof PurchaseOrder.Current(OrderState order) && paidFor(order, sku));
  }

  /**
   * Paid, or its latest payment's outcome pending at the gateway, which may have charged it, for what
   * holds the product (an admin may have taken a line out of the locked cart since it was reserved).
   */
  static boolean paidFor(OrderState order, String sku) {
    boolean paying = outcome(order) == Outcome.PAID || order.status() == OrderState.Status.PAYMENT_ADDED
        && !order.payments().isEmpty() && order.payments().getLast().status() == Payment.Status.PENDING;
    return paying && order.pricing() != null
        && order.pricing().lines().stream().anyMatch(line -> line.sku().equals(sku));
  }

  /** Paid once authorized; paying while its latest payment waits for the gateway; else nothing holds the use. */
  static Outcome outcome(OrderState order) {
    return switch (order.status()) {
      case PAYMENT_AUTHORIZED, FULFILLMENT_CREATED -> Outcome.PAID;
      case CANCELLED, CREATED, CONTACT_GIVEN -> Outcome.NOT_PAID;
      case PAYMENT_ADDED -> order.payments().isEmpty() ? Outcome.NOT_PAID : latestPayment(order);
    };
  }

  private static Outcome latestPayment(OrderState order) {
    return switch (order.payments().getLast().status()) {
      case INITIATED, AUTHORIZING, PENDING -> Outcome.PAYING;
      case AUTHORIZED -> Outcome.PAID;
      case DECLINED, FAILED, RELEASED -> Outcome.NOT_PAID;
    };
  }
}
