package org.monostore.fulfillment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.monostore.platform.CborSerializable;
import org.monostore.platform.EntitySupervision;
import org.monostore.platform.Persisted;
import org.monostore.platform.PersistedAs;
import org.monostore.platform.Rejection;
import org.monostore.shared.Address;
import org.monostore.shared.Happened;

/**
 * The shipping order for a paid purchase order: its lines and the address they go to, on their way
 * from the warehouse shelf to the customer's door. Event sourced and sharded by fulfilment id. It
 * moves forward only: created, picked, shipped with a tracking number, delivered; it can be
 * cancelled until the parcel has left the warehouse, never after.
 */
public final class Fulfillment
    extends EventSourcedBehaviorWithEnforcedReplies<Fulfillment.Command, Fulfillment.Event, FulfillmentState> {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Fulfillment");

  /** What carriers print on a label: letters, digits, spaces and dashes, nothing a page could run. */

  // Protocol

  public sealed interface Command extends CborSerializable {}

  /** Sent by the purchase order once its payment is authorized; it may be sent again after a crash. */
  public record Create(String orderId, List<Item> items, Address shippingAddress, ActorRef<Reply> replyTo)
      implements Command {}

  public record Get(ActorRef<Reply> replyTo) implements Command {}

  /** What happened to the fulfilment, oldest first: none for a fulfilment that does not exist. */
  public record GetHistory(ActorRef<History> replyTo) implements Command {}

  /** A step on the way to the door, which only some statuses allow. */
  public sealed interface Transition extends Command {
    ActorRef<Reply> replyTo();
  }

  public record Pick(ActorRef<Reply> replyTo) implements Transition {}

  public record Ship(String trackingNumber, ActorRef<Reply> replyTo) implements Transition {}

  public record Deliver(ActorRef<Reply> replyTo) implements Transition {}

  public record Cancel(ActorRef<Reply> replyTo) implements Transition {}

  /** A step taken by an admin, recorded with the admin's name. */
  public record ByAdmin(String admin, Transition transition) implements Command {}

  public sealed interface Reply extends CborSerializable {}

  public record Current(FulfillmentView fulfillment) implements Reply {}

  public record Rejected(Rejection rejection) implements Reply {}

  public record History(List<Happened> entries) implements CborSerializable {}

  // Named apart from other capabilities' lines, so the API document keeps one schema for each.
  @Schema(name = "FulfillmentItem", description = "One product to ship")
  public record Item(
      @Schema(example = "BOOK-000001") String sku,
      @Schema(description = "The product's name as it was ordered") String name,
      @Schema(example = "2") int quantity)
      implements CborSerializable {}

  // Events

  public sealed interface Event extends Persisted {
    Instant at();
  }

  @PersistedAs("fulfillment.FulfillmentCreated")
  public record FulfillmentCreated(String orderId, List<PackedItem> items, Address shippingAddress, Instant at)
      implements Event {}

  @PersistedAs("fulfillment.ItemsPicked")
  public record ItemsPicked(Instant at) implements Event {}

  @PersistedAs("fulfillment.ParcelShipped")
  public record ParcelShipped(String trackingNumber, Instant at) implements Event {}

  @PersistedAs("fulfillment.ParcelDelivered")
  public record ParcelDelivered(Instant at) implements Event {}

  @PersistedAs("fulfillment.FulfillmentCancelled")
  public record FulfillmentCancelled(Instant at) implements Event {}

  /** An admin took the step whose event is persisted with it, right after. */
  @PersistedAs("fulfillment.FulfillmentEditedByAdmin")
  public record FulfillmentEditedByAdmin(String admin, Instant at) implements Event {}

  // State (the record and its rules are in FulfillmentState.java)

  public enum Status { CREATED, PICKED, SHIPPED, DELIVERED, CANCELLED }


  // Wiring

  static void init(ClusterSharding sharding, ShippedGoods shipped) {
    sharding.init(Entity.of(ENTITY_KEY, context -> create(context.getEntityId(), context.getShard(), shipped)));
  }

  /** @param shipped told of the goods once the parcel's shipping is stored, so that they leave the stock */
  static Behavior<Command> create(
      String fulfillmentId, ActorRef<ClusterSharding.ShardCommand> shard, ShippedGoods shipped) {
    return Behaviors.setup(context -> new Fulfillment(fulfillmentId, context, shard, shipped));
  }

  private final String fulfillmentId;
  private final ActorContext<Command> context;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  private final ShippedGoods shipped;

  private Fulfillment(
      String fulfillmentId, ActorContext<Command> context, ActorRef<ClusterSharding.ShardCommand> shard,
      ShippedGoods shipped) {
    super(PersistenceId.of(ENTITY_KEY.name(), fulfillmentId), EntitySupervision.RESTART_AFTER_FAILED_WRITE);
    this.fulfillmentId = fulfillmentId;
    this.context = context;
    this.shard = shard;
    this.shipped = shipped;
  }

  @Override
  public FulfillmentState emptyState() {
    return FulfillmentState.NONE;
  }

  // Handlers, by state

  @Override
  public CommandHandlerWithReply<Command, Event, FulfillmentState> commandHandler() {
    var builder = newCommandHandlerWithReplyBuilder();
    builder.forAnyState().onAnyCommand((state, command) -> switch (state.status()) {
      case null -> onUncreated(command);
      // Which steps each status allows is the state's rule (FulfillmentState.allowed), not a handler's.
      case CREATED, PICKED, SHIPPED, DELIVERED, CANCELLED -> onCreated(state, command);
    });
    return builder.build();
  }

  private ReplyEffect<Event, FulfillmentState> onUncreated(Command command) {
    if (command instanceof GetHistory get) {
      return Effect().reply(get.replyTo(), new History(List.of()));
    }
    if (command instanceof Create create) {
      Rejection refusal = FulfillmentState.refuse(create);
      return refusal != null
          ? reject(create.replyTo(), refusal)
          : Effect()
              .persist(new FulfillmentCreated(
                  create.orderId(), create.items().stream().map(PackedItem::of).toList(), create.shippingAddress(),
                  Instant.now()))
              .thenReply(create.replyTo(), this::current);
    }
    // No such fulfilment: answer, and leave, so that made-up ids do not fill the memory.
    return Effect()
        .none()
        .thenRun(state -> shard.tell(new ClusterSharding.Passivate<>(context.getSelf())))
        .thenReply(replyTo(command),
            state -> new Rejected(Rejection.notFound("There is no fulfilment " + fulfillmentId)));
  }

  private ReplyEffect<Event, FulfillmentState> onCreated(FulfillmentState state, Command command) {
    return switch (command) {
      case Get get -> Effect().reply(get.replyTo(), current(state));
      case GetHistory get -> Effect().reply(get.replyTo(), new History(state.history()));
      // The order asks again when it did not see the first answer (a crash, a timeout): same answer.
      case Create create when state.orderId().equals(create.orderId()) ->
          Effect().reply(create.replyTo(), current(state));
      case Create create -> reject(create.replyTo(),
          Rejection.conflict("The fulfilment exists already, for another order", state.status().name()));
      case Transition transition -> take(state, transition, null);
      case ByAdmin edit -> take(state, edit.transition(), edit.admin());
    };
  }

  /** {@code admin} is the admin taking the step, or null. */
  private ReplyEffect<Event, FulfillmentState> take(FulfillmentState state, Transition transition, String admin) {
    Rejection refusal = state.refuse(transition);
    if (refusal != null) {
      return reject(transition.replyTo(), refusal);
    }
    Instant now = Instant.now();
    Event step = FulfillmentState.taken(transition, now);
    List<Event> events = admin == null ? List.of(step) : List.of(new FulfillmentEditedByAdmin(admin, now), step);
    return Effect().persist(events)
        .thenRun(after -> {
          if (step instanceof ParcelShipped) {
            shipped.shipped(after.orderId(), after.items());
          }
        })
        .thenReply(transition.replyTo(), this::current);
  }

  private Reply current(FulfillmentState state) {
    return new Current(state.view(fulfillmentId));
  }

  private ReplyEffect<Event, FulfillmentState> reject(ActorRef<Reply> replyTo, Rejection rejection) {
    return Effect().reply(replyTo, new Rejected(rejection));
  }

  private static ActorRef<Reply> replyTo(Command command) {
    return switch (command) {
      case Create c -> c.replyTo();
      case Get c -> c.replyTo();
      case Transition c -> c.replyTo();
      case ByAdmin c -> c.transition().replyTo();
      case GetHistory c -> throw new IllegalArgumentException("A history is answered with a History");
    };
  }

  @Override
  public EventHandler<FulfillmentState, Event> eventHandler() {
    var builder = newEventHandlerBuilder();
    builder.forAnyState().onAnyEvent(FulfillmentState::apply);
    return builder.build();
  }
}
