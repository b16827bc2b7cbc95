package org.monostore.stock;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.monostore.platform.CborSerializable;
import org.monostore.platform.EntitySupervision;
import org.monostore.platform.Persisted;
import org.monostore.platform.PersistedAs;
import org.monostore.platform.Rejection;

/**
 * The stock of one SKU, the one owner of its count: receipts and adjustments change what is on hand,
 * and orders reserve units when their payment is added. Every reservation is decided here, one at a
 * time, against what is left, so a thousand shoppers for a hundred units get exactly a hundred. When
 * a reservation's time runs out, the entity's own timer (while it is awake, or as soon as it wakes)
 * asks the order: the units are released, or held on for a paid order. A reservation that would be
 * refused while run-out reservations wait for their orders' answer waits with them.
 */
public final class Stock extends EventSourcedBehaviorWithEnforcedReplies<Stock.Command, Stock.Event, StockState> {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Stock");

  // Protocol

  public sealed interface Command extends CborSerializable {}

  /** Units arrived at the warehouse; {@code note} says from where (a delivery note), or is null. */
  public record Receive(long quantity, String note, String admin, ActorRef<Reply> replyTo) implements Command {}

  /** The product's opening stock, counted once: received when it is not counted yet, else nothing happens. */
  public record ReceiveOpening(long quantity, String admin, ActorRef<Reply> replyTo) implements Command {}

  /** A correction of what is on hand (a count, damage, loss), up or down, never below what orders hold. */
  public record Adjust(long change, String reason, String admin, ActorRef<Reply> replyTo) implements Command {}

  /**
   * The order holds {@code quantity} units, in place of what it held before: until {@code until}, or
   * with no time limit when that is null; refused when fewer are available. Asked again, the same.
   */
  public record Reserve(String orderId, long quantity, Instant until, ActorRef<Reply> replyTo) implements Command {}

  /** The order lets its units go (it held none: nothing happens). */
  public record Release(String orderId, Why why, ActorRef<Reply> replyTo) implements Command {}

  /** The order's parcel shipped: its units leave the warehouse. */
  public record Commit(String orderId, ActorRef<Reply> replyTo) implements Command {}

  public record Get(ActorRef<Reply> replyTo) implements Command {}

  /** On its own timer: asks the orders whose reservation ran out whether they are paid. */
  private record CheckExpired() implements Command {}

  /** What an order said of itself: {@code paid} null when it did not answer in time. */
  private record OrderAnswered(String orderId, Instant until, Boolean paid) implements Command {}

  public sealed interface Reply extends CborSerializable {}

  public record Current(StockView stock) implements Reply {}

  public record Rejected(Rejection rejection) implements Reply {}

  // Events

  public sealed interface Event extends Persisted {
    Instant at();
  }

  @PersistedAs("stock.StockReceived")
  public record StockReceived(long quantity, String note, String admin, Instant at) implements Event {}

  @PersistedAs("stock.StockAdjusted")
  public record StockAdjusted(long change, String reason, String admin, Instant at) implements Event {}

  /** {@code until} is null for units held until the parcel ships. */
  @PersistedAs("stock.StockReserved")
  public record StockReserved(String orderId, long quantity, Instant until, Instant at) implements Event {}

  @PersistedAs("stock.ReservationReleased")
  public record ReservationReleased(String orderId, long quantity, Why why, Instant at) implements Event {}

  @PersistedAs("stock.ReservationCommitted")
  public record ReservationCommitted(String orderId, long quantity, Instant at) implements Event {}

  /** Why an order let its units go. */
  public enum Why {
    /** Another of its lines, or a promotion's limit, refused the order: it reserves nothing. */
    CHECKOUT_REFUSED,
    /** Its payment was declined, failed or never reached the gateway; a next payment reserves again. */
    NOT_PAID,
    /** The order was cancelled. */
    CANCELLED,
    /** The reservation's time ran out before the payment went to the gateway. */
    EXPIRED
  }

  // State: the record and its rules are in StockState.java

  // Wiring

  static void init(ClusterSharding sharding, Map<String, StockState> awake, OrderPayments orders) {
    sharding.init(Entity.of(ENTITY_KEY, context -> create(context.getEntityId(), awake, orders)));
  }

  /**
   * @param awake this node's view of the stock whose entity is awake here, for product answers without
   *     a round trip: the entity puts its state in after each change and takes it out when it stops
   */
  static Behavior<Command> create(String sku, Map<String, StockState> awake, OrderPayments orders) {
    return Behaviors.withTimers(timers -> Behaviors.setup(context -> new Stock(sku, context, timers, awake, orders)));
  }

  /** How soon an order that did not answer is asked again. */
  private static final Duration ASK_AGAIN = Duration.ofSeconds(5);

  private final String sku;
  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final Map<String, StockState> awake;
  private final OrderPayments orders;
  /** The orders asked and not answered yet: each is asked once at a time. */
  private final Set<String> asking = new HashSet<>();

  private Stock(String sku, ActorContext<Command> context, TimerScheduler<Command> timers,
      Map<String, StockState> awake, OrderPayments orders) {
    super(PersistenceId.of(ENTITY_KEY.name(), sku), EntitySupervision.RESTART_AFTER_FAILED_WRITE);
    this.sku = sku;
    this.context = context;
    this.timers = timers;
    this.awake = awake;
    this.orders = orders;
  }

  @Override
  public StockState emptyState() {
    return StockState.UNTRACKED;
  }

  // Handlers

  @Override
  public CommandHandlerWithReply<Command, Event, StockState> commandHandler() {
    var builder = newCommandHandlerWithReplyBuilder();
    builder.forAnyState().onAnyCommand(this::onCommand);
    return builder.build();
  }

  private ReplyEffect<Event, StockState> onCommand(StockState state, Command command) {
    Instant now = Instant.now();
    return switch (command) {
      case Get get -> Effect().reply(get.replyTo(), current(state));
      case Receive receive ->
          changed(state, List.of(new StockReceived(receive.quantity(), receive.note(), receive.admin(), now)),
              receive.replyTo());
      case ReceiveOpening opening -> changed(state, state.tracked() ? List.of()
          : List.of(new StockReceived(opening.quantity(), "opening stock", opening.admin(), now)), opening.replyTo());
      case Adjust adjust -> {
        Rejection refusal = state.refuseAdjustment(sku, adjust.change());
        yield refusal != null ? Effect().reply(adjust.replyTo(), new Rejected(refusal))
            : changed(state, List.of(new StockAdjusted(adjust.change(), adjust.reason(), adjust.admin(), now)),
                adjust.replyTo());
      }
      case Reserve reserve -> {
        Rejection refusal = state.refuse(sku, reserve.orderId(), reserve.quantity());
        if (refusal != null && !state.ranOut(now).isEmpty()) {
          // Units may be free once the orders of the run-out reservations have answered.
          askOrdersOfRunOut(state, now);
          yield Effect().stash();
        }
        yield refusal != null ? Effect().reply(reserve.replyTo(), new Rejected(refusal))
            : changed(state, state.reserved(reserve.orderId(), reserve.quantity(), reserve.until(), now),
                reserve.replyTo());
      }
      case Release release -> changed(state, state.released(release.orderId(), release.why(), now), release.replyTo());
      case Commit commit -> changed(state, state.committed(commit.orderId(), now), commit.replyTo());
      case CheckExpired tick -> {
        askOrdersOfRunOut(state, now);
        yield Effect().noReply();
      }
      case OrderAnswered answered -> onOrderAnswered(state, answered, now);
    };
  }

  private void askOrdersOfRunOut(StockState state, Instant now) {
    for (String orderId : state.ranOut(now)) {
      if (asking.add(orderId)) {
        Instant until = state.reservations().get(orderId).until();
        context.pipeToSelf(orders.paidFor(orderId, sku),
            (paid, silent) -> new OrderAnswered(orderId, until, silent == null ? paid : null));
      }
    }
    scheduleCheck(state);
  }

  /**
   * A paid order whose reservation ran out holds its units on (checkout's word was lost); any other
   * order's run-out reservation is released. Reservations waiting for this are decided again after it.
   */
  private ReplyEffect<Event, StockState> onOrderAnswered(StockState state, OrderAnswered answered, Instant now) {
    asking.remove(answered.orderId());
    StockState.Reservation reservation = state.reservations().get(answered.orderId());
    if (answered.paid() == null || reservation == null || !answered.until().equals(reservation.until())) {
      return Effect().noReply().thenUnstashAll();
    }
    List<Event> events = answered.paid()
        ? state.reserved(answered.orderId(), reservation.quantity(), null, now)
        : state.released(answered.orderId(), Why.EXPIRED, now);
    context.getLog().info("Stock {}: the reservation of order {} ran out; the order is {}: {}", sku,
        answered.orderId(), answered.paid() ? "paid" : "not paid", answered.paid() ? "held on" : "released");
    return Effect().persist(events).thenRun(this::published).thenNoReply().thenUnstashAll();
  }

  /** Persists what changed, if anything, and answers with the stock once it is stored. */
  private ReplyEffect<Event, StockState> changed(StockState state, List<Event> events, ActorRef<Reply> replyTo) {
    if (events.isEmpty()) {
      return Effect().reply(replyTo, current(state));
    }
    return Effect().persist(events).thenRun(this::published).thenReply(replyTo, this::current);
  }

  /** The node's view shows the state, and the timer is set for the next reservation whose time runs out. */
  private void published(StockState state) {
    awake.put(sku, state);
    scheduleCheck(state);
  }

  private void scheduleCheck(StockState state) {
    Instant next = state.nextExpiry();
    if (next == null) {
      timers.cancel(CheckExpired.class);
      return;
    }
    // A moment after the time, so that the reservation has run out when the timer looks; one that ran
    // out already waits for its order's answer, asked again if none comes.
    Duration wait = Duration.between(Instant.now(), next).plusMillis(10);
    timers.startSingleTimer(CheckExpired.class, new CheckExpired(),
        !wait.isNegative() ? wait : asking.isEmpty() ? Duration.ZERO : ASK_AGAIN);
  }

  private Reply current(StockState state) {
    return new Current(state.view(sku));
  }

  @Override
  public SignalHandler<StockState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), this::published)
        .onSignal(PostStop.instance(), state -> awake.remove(sku))
        .build();
  }

  /** A SKU in a drop may see many reservations: a snapshot now and then keeps its wake-up short. */
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(SNAPSHOT_EVERY, 2);
  }

  private static final int SNAPSHOT_EVERY = 500;

  @Override
  public EventHandler<StockState, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(StockState::apply);
  }
}
