package org.monostore.checkout;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.monostore.payment.Payments;
import org.monostore.platform.Asks;
import org.monostore.platform.EntityType;
import org.monostore.platform.Rejection;
import org.springframework.stereotype.Component;

/**
 * The purchase orders of the cluster, by id, as the controllers use them: starts the PurchaseOrder
 * entities on this node (at start-up), asks them, and has their answers put together for clients.
 */
@Component
class Orders implements EntityType {

  private final ClusterSharding sharding;
  private final Asks asks;
  private final OrderCollaborators collaborators;
  private final OrderViews views;
  /** A step may wait for another entity, and a request may wait for the step before it. */
  private final Duration stepTimeout;
  private final Duration authorizeTimeout;

  Orders(ClusterSharding sharding, Asks asks, Payments payments, OrderCollaborators collaborators, OrderViews views) {
    this.sharding = sharding;
    this.asks = asks;
    this.collaborators = collaborators;
    this.views = views;
    this.stepTimeout = asks.timeout().multipliedBy(3);
    this.authorizeTimeout = payments.authorizationTimeout().multipliedBy(2).plus(asks.timeout());
  }

  @Override
  public void start() {
    PurchaseOrder.init(sharding, collaborators);
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

  /** The order as its customer sees it. */
  OrderView view(String orderId, OrderState order) {
    return views.view(orderId, order, false);
  }

  /** The order as an admin sees it, with the names of the admins who changed it. */
  OrderView adminView(String orderId, OrderState order) {
    return views.view(orderId, order, true);
  }

  private OrderState ask(
      String orderId, Function<ActorRef<PurchaseOrder.Reply>, PurchaseOrder.Command> command, Duration timeout) {
    PurchaseOrder.Reply reply = asks.ask(sharding.entityRefFor(PurchaseOrder.ENTITY_KEY, orderId), command, timeout);
    return switch (reply) {
      case PurchaseOrder.Current current -> current.order();
      case PurchaseOrder.Rejected rejected -> throw rejected.rejection().asException();
    };
  }
}
