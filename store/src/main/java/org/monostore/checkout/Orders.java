package org.monostore.checkout;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.monostore.cart.Cart;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.fulfillment.Fulfillments;
import org.monostore.payment.Payment;
import org.monostore.payment.Payments;
import org.monostore.platform.Asks;
import org.monostore.platform.EntityType;
import org.monostore.platform.Rejection;
import org.monostore.pricing.Pricing;
import org.monostore.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The purchase orders of the cluster, by id: starts the PurchaseOrder entities on this node, gives
 * them the carts, payments and fulfilments to work with, and puts together the order views.
 */
@Component
class Orders implements PurchaseOrder.Collaborators, EntityType {

  private final ClusterSharding sharding;
  private final ActorSystem<?> system;
  private final Asks asks;
  private final Payments payments;
  private final Fulfillments fulfillments;
  private final OrderTimeline timeline;
  private final boolean fulfilAutomatically;
  /** A step may wait for another entity, and a request may wait for the step before it. */
  private final Duration stepTimeout;
  private final Duration authorizeTimeout;

  Orders(
      ClusterSharding sharding,
      ActorSystem<?> system,
      Asks asks,
      Payments payments,
      Fulfillments fulfillments,
      OrderTimeline timeline,
      CheckoutSettings settings) {
    this.sharding = sharding;
    this.system = system;
    this.asks = asks;
    this.payments = payments;
    this.fulfillments = fulfillments;
    this.timeline = timeline;
    this.fulfilAutomatically = settings.fulfilAutomatically();
    this.stepTimeout = asks.timeout().multipliedBy(3);
    this.authorizeTimeout = payments.authorizationTimeout().multipliedBy(2).plus(asks.timeout());
  }

  @Override
  public void start() {
    PurchaseOrder.init(sharding, this);
  }

  OrderState ask(String orderId, Function<ActorRef<PurchaseOrder.Reply>, PurchaseOrder.Command> command) {
    return ask(orderId, command, stepTimeout);
  }

  /** The order, or empty when there is none under the id. */
  Optional<OrderState> find(String orderId) {
    PurchaseOrder.Reply reply =
        asks.ask(sharding.entityRefFor(PurchaseOrder.ENTITY_KEY, orderId), PurchaseOrder.Get::new, stepTimeout);
    return switch (reply) {
      case PurchaseOrder.Current current -> Optional.of(current.order());
      case PurchaseOrder.Rejected rejected when rejected.rejection().reason() == Rejection.Reason.NOT_FOUND ->
          Optional.empty();
      case PurchaseOrder.Rejected rejected -> throw rejected.rejection().asException();
    };
  }

  OrderState authorize(String orderId, String paymentId, String idempotencyKey) {
    return ask(orderId, replyTo -> new PurchaseOrder.AuthorizePayment(paymentId, idempotencyKey, replyTo),
        authorizeTimeout);
  }

  /**
   * The order with what it costs now: its fixed pricing once paid, its cart's pricing before. The
   * customer sees "shop" where the admin sees which admin made a change.
   */
  OrderView view(String orderId, OrderState order) {
    return view(orderId, order, false);
  }

  OrderView adminView(String orderId, OrderState order) {
    return view(orderId, order, true);
  }

  private OrderView view(String orderId, OrderState order, boolean forAdmin) {
    Pricing pricing = order.pricing();
    if (pricing == null) {
      Cart.Reply reply = asks.ask(sharding.entityRefFor(Cart.ENTITY_KEY, order.cartId()), Cart.Get::new);
      pricing = switch (reply) {
        case Cart.Current current -> current.cart().pricing();
        case Cart.Rejected rejected -> throw rejected.rejection().asException();
      };
    }
    List<OrderTimeline.Entry> history = timeline.of(orderId, order);
    String cancelledBy = order.cancelledBy();
    if (!forAdmin) {
      history = history.stream().map(OrderTimeline.Entry::withoutAdminNames).toList();
      cancelledBy = OrderTimeline.withoutAdminName(cancelledBy);
    }
    return new OrderView(orderId, order.cartId(), order.market(), order.currency(), order.status(),
        order.pricing() != null, pricing, order.contact(), order.payments(),
        order.fulfillmentId() == null ? null : fulfillments.get(order.fulfillmentId()),
        order.allowed(), history, cancelledBy, order.createdAt(), order.updatedAt());
  }

  private OrderState ask(
      String orderId, Function<ActorRef<PurchaseOrder.Reply>, PurchaseOrder.Command> command, Duration timeout) {
    PurchaseOrder.Reply reply = asks.ask(sharding.entityRefFor(PurchaseOrder.ENTITY_KEY, orderId), command, timeout);
    return switch (reply) {
      case PurchaseOrder.Current current -> current.order();
      case PurchaseOrder.Rejected rejected -> throw rejected.rejection().asException();
    };
  }

  // What a PurchaseOrder entity asks of the others

  @Override
  public CompletionStage<Cart.Reply> askCart(String cartId, Function<ActorRef<Cart.Reply>, Cart.Command> command) {
    return AskPattern.ask(sharding.entityRefFor(Cart.ENTITY_KEY, cartId), command::apply, asks.timeout(),
        system.scheduler());
  }

  @Override
  public CompletionStage<Payment.Reply> initiatePayment(
      String paymentId, String orderId, Money amount, String method, String token) {
    return payments.initiate(paymentId, orderId, amount, method, token);
  }

  @Override
  public CompletionStage<Payment.Reply> authorizePayment(String paymentId) {
    return payments.authorize(paymentId);
  }

  @Override
  public CompletionStage<Payment.Reply> changePaymentAmount(String paymentId, Money amount) {
    return payments.changeAmount(paymentId, amount);
  }

  @Override
  public CompletionStage<Payment.Reply> releasePayment(String paymentId) {
    return payments.release(paymentId);
  }

  @Override
  public CompletionStage<Fulfillment.Reply> createFulfillment(
      String fulfillmentId, String orderId, List<Fulfillment.Item> items, Contact contact) {
    return fulfillments.create(fulfillmentId, orderId, items, contact.shippingAddress());
  }

  @Override
  public CompletionStage<Fulfillment.Reply> cancelFulfillment(String fulfillmentId, String admin) {
    return fulfillments.cancel(fulfillmentId, admin);
  }

  @Override
  public boolean fulfilAutomatically() {
    return fulfilAutomatically;
  }
}
