package org.monostore.fulfillment;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.monostore.platform.Asks;
import org.monostore.platform.EntityIds;
import org.monostore.platform.EntityType;
import org.monostore.shared.Address;
import org.monostore.shared.Happened;
import org.springframework.stereotype.Component;

/** The fulfilments of the cluster, by id: starts the Fulfillment entities on this node (at start-up) and asks them. */
@Component
public class Fulfillments implements EntityType {

  private final ClusterSharding sharding;
  private final Asks asks;
  private final Scheduler scheduler;
  private final ShippedGoods shipped;

  Fulfillments(ClusterSharding sharding, Asks asks, ActorSystem<?> system, ShippedGoods shipped) {
    this.shipped = shipped;
    this.sharding = sharding;
    this.asks = asks;
    this.scheduler = system.scheduler();
  }

  @Override
  public void start() {
    Fulfillment.init(sharding, shipped);
  }

  /**
   * Creates (idempotently) the fulfilment with this id for the order; the reply comes when it is
   * persisted. It does not block, so an actor may call it and pipe the reply to itself. The stage
   * fails with a {@link java.util.concurrent.TimeoutException} when no reply comes within the ask
   * timeout; an id that is not a fulfilment id is answered as {@link Fulfillment.Rejected}.
   */
  public CompletionStage<Fulfillment.Reply> create(
      String fulfillmentId, String orderId, List<Fulfillment.Item> items, Address shippingAddress) {
    if (!EntityIds.isId(fulfillmentId)) {
      return CompletableFuture.completedFuture(new Fulfillment.Rejected(EntityIds.notAnId("fulfillmentId")));
    }
    return AskPattern.ask(
        sharding.entityRefFor(Fulfillment.ENTITY_KEY, fulfillmentId),
        replyTo -> new Fulfillment.Create(orderId, items, shippingAddress, replyTo),
        asks.timeout(),
        scheduler);
  }

  /** Cancels the fulfilment unless it is shipped, recording the admin; it does not block, like {@link #create}. */
  public CompletionStage<Fulfillment.Reply> cancel(String fulfillmentId, String admin) {
    return AskPattern.ask(sharding.entityRefFor(Fulfillment.ENTITY_KEY, fulfillmentId),
        replyTo -> new Fulfillment.ByAdmin(admin, new Fulfillment.Cancel(replyTo)), asks.timeout(), scheduler);
  }

  /** The fulfilment's current view, asked and waited for. */
  public FulfillmentView get(String fulfillmentId) {
    return ask(fulfillmentId, Fulfillment.Get::new);
  }

  /** The fulfilment as it is now, without waiting for it (used by the order view). */
  public CompletionStage<Fulfillment.Reply> find(String fulfillmentId) {
    return AskPattern.ask(sharding.entityRefFor(Fulfillment.ENTITY_KEY, fulfillmentId), Fulfillment.Get::new,
        asks.timeout(), scheduler);
  }

  /** What happened to the fulfilment, oldest first. */
  public CompletionStage<List<Happened>> history(String fulfillmentId) {
    return AskPattern.ask(sharding.entityRefFor(Fulfillment.ENTITY_KEY, fulfillmentId), Fulfillment.GetHistory::new,
        asks.timeout(), scheduler).thenApply(Fulfillment.History::entries);
  }

  /** A step taken by an admin, who is recorded with it. */
  public FulfillmentView takeByAdmin(
      String fulfillmentId, String admin, Function<ActorRef<Fulfillment.Reply>, Fulfillment.Transition> step) {
    return ask(fulfillmentId, replyTo -> new Fulfillment.ByAdmin(admin, step.apply(replyTo)));
  }

  FulfillmentView ask(String fulfillmentId, Function<ActorRef<Fulfillment.Reply>, Fulfillment.Command> command) {
    if (!EntityIds.isId(fulfillmentId)) {
      throw EntityIds.notAnId("fulfillmentId").asException();
    }
    Fulfillment.Reply reply = asks.ask(sharding.entityRefFor(Fulfillment.ENTITY_KEY, fulfillmentId), command);
    return switch (reply) {
      case Fulfillment.Current current -> current.fulfillment();
      case Fulfillment.Rejected rejected -> throw rejected.rejection().asException();
    };
  }
}
