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
    extends EventSourcedBehaviorWithEnforcedReplies<Fulfillment.Command, Fulfillment.Event, Fulfillment.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Fulfillment");

  /** What carriers print on a label: letters, digits, spaces and dashes, nothing a page could run. */
  private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Za-z0-9 -]{1,64}");

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

  // State

  public enum Status { CREATED, PICKED, SHIPPED, DELIVERED, CANCELLED }

  /** The fulfilment as its events left it; {@code status} is null until it is created. */
  public record State(
      String orderId,
      Status status,
      List<Item> items,
      Address shippingAddress,
      String trackingNumber,
      Instant createdAt,
      Instant updatedAt,
      List<Happened> history)
      implements CborSerializable {

    static final State NONE = new State(null, null, List.of(), null, null, null, null, List.of());

    /** Why an order may not create a fulfilment with these contents, or null when it may. */
    static Rejection refuse(Create create) {
      if (create.orderId() == null || create.orderId().isBlank()) {
        return Rejection.invalid("orderId", "A fulfilment needs the id of its order");
      }
      if (create.items() == null || create.items().isEmpty()) {
        return Rejection.invalid("items", "A fulfilment needs at least one item to ship");
      }
      if (create.items().stream().anyMatch(item -> item == null || item.sku() == null || item.quantity() < 1)) {
        return Rejection.invalid("items", "Every item needs a SKU and a positive quantity");
      }
      if (create.shippingAddress() == null) {
        return Rejection.invalid("shippingAddress", "A fulfilment needs an address to ship to");
      }
      return null;
    }

    /** The actions this status accepts, in the order a fulfilment takes them. */
    List<String> allowed() {
      return switch (status) {
        case CREATED -> List.of("pick", "cancel");
        case PICKED -> List.of("ship", "cancel");
        case SHIPPED -> List.of("deliver");
        case DELIVERED, CANCELLED -> List.of();
      };
    }

    /**
     * Why the step may not be taken now, or null when it may. Bad input is refused before the status
     * is looked at, so its answer does not depend on where the parcel is. Repeating the step just
     * taken (a second pick) is a conflict too, not a silent success: a client that retries learns
     * that its first call went through, and a double scan in the warehouse does not go unnoticed.
     */
    Rejection refuse(Transition transition) {
      if (transition instanceof Ship ship && !isTrackingNumber(ship.trackingNumber())) {
        return Rejection.invalid("trackingNumber",
            "'trackingNumber' must be 1-64 letters, digits, spaces or dashes");
      }
      String action = action(transition);
      if (allowed().contains(action)) {
        return null;
      }
      String detail = status == after(transition)
          ? "The fulfilment is " + status + " already; '" + action + "' is not repeated"
          : "The fulfilment is " + status + "; '" + action + "' is not possible now";
      return Rejection.conflict(detail, status.name(), allowed());
    }

    static boolean isTrackingNumber(String trackingNumber) {
      return trackingNumber != null && TRACKING_NUMBER.matcher(trackingNumber.strip()).matches();
    }

    /** What the step is called in the API and in a conflict's list of allowed actions. */
    static String action(Transition transition) {
      return switch (transition) {
        case Pick pick -> "pick";
        case Ship ship -> "ship";
        case Deliver deliver -> "deliver";
        case Cancel cancel -> "cancel";
      };
    }

    static Status after(Transition transition) {
      return switch (transition) {
        case Pick pick -> Status.PICKED;
        case Ship ship -> Status.SHIPPED;
        case Deliver deliver -> Status.DELIVERED;
        case Cancel cancel -> Status.CANCELLED;
      };
    }

    /** The event of an allowed step; the tracking number is kept without surrounding spaces. */
    static Event taken(Transition transition, Instant at) {
      return switch (transition) {
        case Pick pick -> new ItemsPicked(at);
        case Ship ship -> new ParcelShipped(ship.trackingNumber().strip(), at);
        case Deliver deliver -> new ParcelDelivered(at);
        case Cancel cancel -> new FulfillmentCancelled(at);
      };
    }

    State apply(Event event) {
      State next = switch (event) {
        case FulfillmentCreated created -> new State(created.orderId(), Status.CREATED,
            created.items().stream().map(PackedItem::asItem).toList(), created.shippingAddress(), null, created.at(),
            created.at(), history);
        case ItemsPicked picked -> moved(Status.PICKED, trackingNumber, picked.at());
        case ParcelShipped shipped -> moved(Status.SHIPPED, shipped.trackingNumber(), shipped.at());
        case ParcelDelivered delivered -> moved(Status.DELIVERED, trackingNumber, delivered.at());
        case FulfillmentCancelled cancelled -> moved(Status.CANCELLED, trackingNumber, cancelled.at());
        case FulfillmentEditedByAdmin edited -> this;
      };
      return new State(next.orderId, next.status, next.items, next.shippingAddress, next.trackingNumber,
          next.createdAt, next.updatedAt, Happened.append(history, happened(event)));
    }

    /** How the order's timeline shows the event. */
    private static Happened happened(Event event) {
      return switch (event) {
        case FulfillmentCreated created -> new Happened(created.at(), "FulfillmentCreated", null);
        case ItemsPicked picked -> new Happened(picked.at(), "ItemsPicked", null);
        case ParcelShipped shipped -> new Happened(shipped.at(), "ParcelShipped", null);
        case ParcelDelivered delivered -> new Happened(delivered.at(), "ParcelDelivered", null);
        case FulfillmentCancelled cancelled -> new Happened(cancelled.at(), "FulfillmentCancelled", null);
        case FulfillmentEditedByAdmin edited -> new Happened(edited.at(), "FulfillmentEditedByAdmin", edited.admin());
      };
    }

    private State moved(Status newStatus, String newTrackingNumber, Instant at) {
      return new State(orderId, newStatus, items, shippingAddress, newTrackingNumber, createdAt, at, history);
    }

    FulfillmentView view(String fulfillmentId) {
      return new FulfillmentView(
          fulfillmentId, orderId, status, items, shippingAddress, trackingNumber, createdAt, updatedAt);
    }
  }

  // Wiring

  public static void init(ClusterSharding sharding) {
    sharding.init(Entity.of(ENTITY_KEY, context -> create(context.getEntityId(), context.getShard())));
  }

  static Behavior<Command> create(String fulfillmentId, ActorRef<ClusterSharding.ShardCommand> shard) {
    return Behaviors.setup(context -> new Fulfillment(fulfillmentId, context, shard));
  }

  private final String fulfillmentId;
  private final ActorContext<Command> context;
  private final ActorRef<ClusterSharding.ShardCommand> shard;

  private Fulfillment(String fulfillmentId, ActorContext<Command> context, ActorRef<ClusterSharding.ShardCommand> shard) {
    super(PersistenceId.of(ENTITY_KEY.name(), fulfillmentId), EntitySupervision.RESTART_AFTER_FAILED_WRITE);
    this.fulfillmentId = fulfillmentId;
    this.context = context;
    this.shard = shard;
  }

  @Override
  public State emptyState() {
    return State.NONE;
  }

  // Handlers, by state

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    var builder = newCommandHandlerWithReplyBuilder();
    builder.forAnyState().onAnyCommand((state, command) -> switch (state.status()) {
      case null -> onUncreated(command);
      // Which steps each status allows is the state's rule (State.allowed), not a handler's.
      case CREATED, PICKED, SHIPPED, DELIVERED, CANCELLED -> onCreated(state, command);
    });
    return builder.build();
  }

  private ReplyEffect<Event, State> onUncreated(Command command) {
    if (command instanceof GetHistory get) {
      return Effect().reply(get.replyTo(), new History(List.of()));
    }
    if (command instanceof Create create) {
      Rejection refusal = State.refuse(create);
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

  private ReplyEffect<Event, State> onCreated(State state, Command command) {
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
  private ReplyEffect<Event, State> take(State state, Transition transition, String admin) {
    Rejection refusal = state.refuse(transition);
    if (refusal != null) {
      return reject(transition.replyTo(), refusal);
    }
    Instant now = Instant.now();
    Event step = State.taken(transition, now);
    List<Event> events = admin == null ? List.of(step) : List.of(new FulfillmentEditedByAdmin(admin, now), step);
    return Effect().persist(events).thenReply(transition.replyTo(), this::current);
  }

  private Reply current(State state) {
    return new Current(state.view(fulfillmentId));
  }

  private ReplyEffect<Event, State> reject(ActorRef<Reply> replyTo, Rejection rejection) {
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
  public EventHandler<State, Event> eventHandler() {
    var builder = newEventHandlerBuilder();
    builder.forAnyState().onAnyEvent(State::apply);
    return builder.build();
  }
}
