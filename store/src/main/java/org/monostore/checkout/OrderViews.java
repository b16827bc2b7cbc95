package org.monostore.checkout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.monostore.cart.Cart;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.fulfillment.FulfillmentView;
import org.monostore.fulfillment.Fulfillments;
import org.monostore.payment.Payments;
import org.monostore.platform.Asks;
import org.monostore.pricing.Pricing;
import org.monostore.shared.Happened;
import org.springframework.stereotype.Component;

/**
 * Puts an order's answer together: the order's state, what its cart costs while the pricing is not
 * fixed (and while a payment waits for authorization, to tell whether the cart changed since), its
 * fulfilment, and the histories of its payments and fulfilments for the timeline. The entities are
 * asked at once and answer from memory, so an answer costs the same for an order with one event or
 * fifty.
 */
@Component
class OrderViews {

  private final ClusterSharding sharding;
  private final Asks asks;
  private final Payments payments;
  private final Fulfillments fulfillments;

  OrderViews(ClusterSharding sharding, Asks asks, Payments payments, Fulfillments fulfillments) {
    this.sharding = sharding;
    this.asks = asks;
    this.payments = payments;
    this.fulfillments = fulfillments;
  }

  /**
   * The order with what it costs now: its fixed pricing once paid, its cart's pricing before. The
   * customer sees "shop" where the admin sees which admin made a change.
   */
  OrderView view(String orderId, OrderState order, boolean forAdmin) {
    // A payment waiting for authorization is for the cart's total when it was added; an admin may have
    // changed the locked cart since.
    OrderState.PaymentEntry waiting = order.pricing() != null && order.status() == OrderState.Status.PAYMENT_ADDED
        ? order.openPayment() : null;
    CompletionStage<Cart.Reply> cart = order.pricing() == null || waiting != null
        ? asks.askLater(sharding.entityRefFor(Cart.ENTITY_KEY, order.cartId()), Cart.Get::new)
        : null;
    CompletionStage<Fulfillment.Reply> fulfillment =
        order.fulfillmentId() == null ? null : fulfillments.find(order.fulfillmentId());
    Map<String, CompletionStage<List<Happened>>> paymentHistories = new LinkedHashMap<>();
    order.payments().forEach(payment -> paymentHistories.put(payment.id(), payments.history(payment.id())));
    Map<String, CompletionStage<List<Happened>>> fulfillmentHistories = new LinkedHashMap<>();
    Stream.concat(order.cancelledFulfillmentIds().stream(), Stream.ofNullable(order.fulfillmentId()))
        .forEach(id -> fulfillmentHistories.put(id, fulfillments.history(id)));

    Pricing cartPricing = cart == null ? null : switch (asks.await(cart)) {
      case Cart.Current current -> current.cart().pricing();
      case Cart.Rejected rejected -> throw rejected.rejection().asException();
    };
    Pricing pricing = order.pricing() != null ? order.pricing() : cartPricing;
    OrderView.CartChangedAfterPayment cartChanged = waiting == null || !order.cartChangedSincePayment(cartPricing)
        ? null : OrderView.CartChangedAfterPayment.of(waiting, cartPricing.total());
    FulfillmentView fulfillmentView = fulfillment == null ? null : switch (asks.await(fulfillment)) {
      case Fulfillment.Current current -> current.fulfillment();
      case Fulfillment.Rejected rejected -> throw rejected.rejection().asException();
    };
    List<OrderTimeline.Entry> timeline =
        OrderTimeline.of(orderId, order.history(), awaitAll(paymentHistories), awaitAll(fulfillmentHistories));
    String cancelledBy = order.cancelledBy();
    List<OrderAction> adminActions =
        forAdmin ? order.allowedToAdmin(fulfillmentView == null ? null : fulfillmentView.status()) : null;
    if (!forAdmin) {
      timeline = timeline.stream().map(OrderTimeline.Entry::withoutAdminNames).toList();
      cancelledBy = OrderTimeline.withoutAdminName(cancelledBy);
    }
    OrderStage stage = OrderStage.of(order, fulfillmentView == null ? null : fulfillmentView.status());
    return new OrderView(orderId, order.cartId(), order.market(), order.currency(), order.status(), stage,
        order.pricing() != null, pricing, cartChanged, order.contact(), order.payments(), fulfillmentView,
        order.allowed(), adminActions, timeline, cancelledBy, order.createdAt(), order.updatedAt());
  }

  private Map<String, List<Happened>> awaitAll(Map<String, CompletionStage<List<Happened>>> histories) {
    Map<String, List<Happened>> answered = new LinkedHashMap<>();
    histories.forEach((id, history) -> answered.put(id, asks.await(history)));
    return answered;
  }
}
