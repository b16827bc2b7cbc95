package org.monostore.promotion;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Locale;
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
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.monostore.platform.CborSerializable;
import org.monostore.platform.EntitySupervision;
import org.monostore.platform.Persisted;
import org.monostore.platform.PersistedAs;
import org.monostore.platform.Rejection;
import org.monostore.promotion.PromotionState.Use;

/**
 * One code a shopper can enter, by the code itself (in upper case): which promotion it belongs to, and
 * the code's own limits with the orders that hold a use of it. Being the one writer of its code, it is
 * what keeps a code unique across all promotions, and the one owner of the code's count.
 */
public final class Coupon extends EventSourcedBehaviorWithEnforcedReplies<Coupon.Command, Coupon.Event, Coupon.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Coupon");

  /** What a code looks like once normalized: 3-32 upper-case letters, digits and dashes. */
  static final Pattern SHAPE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,31}");

  // Protocol

  public sealed interface Command extends CborSerializable {}

  /**
   * Makes the code one of the promotion's, with its own limits (in the promotion's currency); again for
   * the same promotion it is answered as it is, its limits unchanged.
   */
  public record Issue(String promotionId, String admin, UseLimits limits, String currency, ActorRef<Reply> replyTo)
      implements Command {}

  public record Find(ActorRef<Reply> replyTo) implements Command {}

  /** As {@link Promotion.ReserveUse}, against the code's own limits; a code without limits counts nothing. */
  public record ReserveUse(String orderId, String email, long amount, ActorRef<Reply> replyTo) implements Command {}

  public record KeepUse(String orderId, ActorRef<Reply> replyTo) implements Command {}

  public record GiveBackUse(String orderId, ActorRef<Reply> replyTo) implements Command {}

  /** As {@link Promotion}'s: now and then it asks the orders whose use has been reserved for long. */
  private record CheckReservedUses() implements Command {}

  private record OrderOutcomeLearned(String orderId, Instant reservedAt, OrderOutcomes.Outcome outcome)
      implements Command {}

  public sealed interface Reply extends CborSerializable {}

  /**
   * The code's promotion; {@code usedUp}: its own limits let no further order use it. {@code uses} is
   * how many orders hold a use of it, counted only when it has limits.
   */
  public record Issued(String code, String promotionId, UseLimits limits, int uses, boolean usedUp)
      implements Reply {}

  public record Rejected(Rejection rejection) implements Reply {}

  public record UseAnswered() implements Reply {}

  // Events

  public sealed interface Event extends Persisted {}

  /** Limits are zero where there are none (and in codes issued before codes had limits). */
  @PersistedAs("promotion.CouponIssued")
  public record CouponIssued(
      String promotionId, String admin, Instant at, int maxUses, int maxUsesPerCustomer, long budget, String currency)
      implements Event {

    public CouponIssued(String promotionId, String admin, Instant at) {
      this(promotionId, admin, at, 0, 0, 0, null);
    }
  }

  @PersistedAs("promotion.CodeUseReserved")
  public record CodeUseReserved(String orderId, String email, long amount, Instant at) implements Event {}

  @PersistedAs("promotion.CodeUseKept")
  public record CodeUseKept(String orderId, Instant at) implements Event {}

  @PersistedAs("promotion.CodeUseGivenBack")
  public record CodeUseGivenBack(String orderId, Instant at) implements Event {}

  // State

  /** The promotion the code belongs to (null until it is issued), its limits and the uses they count. */
  @PersistedAs("promotion.CouponState")
  public record State(String promotionId, UseLimits limits, String currency, Map<String, Use> uses)
      implements Persisted {

    static final State NONE = new State(null, UseLimits.NONE, null, Map.of());

    public State {
      limits = limits == null ? UseLimits.NONE : limits;
      uses = uses == null ? Map.of() : uses;
    }

    Issued issued(String code) {
      return new Issued(code, promotionId, limits, uses.size(), limits.ranOut(uses));
    }

    /** Why the order may not use the code, naming the limit; null when it may. */
    Rejection refuse(ReserveUse reserve, String code) {
      String refusal = limits.refusal("The code " + code + " ", uses, reserve.orderId(), reserve.email(),
          reserve.amount(), currency);
      return refusal == null ? null : Rejection.conflict(refusal, "USED_UP");
    }

    /** What reserving the order's use records; nothing for a code without limits, or an order that has it. */
    List<Event> reserved(ReserveUse reserve, Instant at) {
      return !limits.any() || uses.containsKey(reserve.orderId())
          ? List.of()
          : List.of(new CodeUseReserved(reserve.orderId(), UseLimits.email(reserve.email()), reserve.amount(), at));
    }

    List<Event> kept(String orderId, Instant at) {
      Use use = uses.get(orderId);
      return use == null || use.kept() ? List.of() : List.of(new CodeUseKept(orderId, at));
    }

    List<Event> givenBack(String orderId, Instant at) {
      return uses.containsKey(orderId) ? List.of(new CodeUseGivenBack(orderId, at)) : List.of();
    }

    State apply(Event event) {
      return switch (event) {
        case CouponIssued issued -> new State(issued.promotionId(),
            new UseLimits(issued.maxUses(), issued.maxUsesPerCustomer(), issued.budget()), issued.currency(),
            Map.of());
        case CodeUseReserved reserved -> withUses(more -> more.put(reserved.orderId(),
            new Use(reserved.email(), reserved.amount(), false, reserved.at())));
        case CodeUseKept kept -> withUses(more -> more.computeIfPresent(kept.orderId(),
            (order, use) -> new Use(use.email(), use.amount(), true, use.reservedAt())));
        case CodeUseGivenBack back -> withUses(fewer -> fewer.remove(back.orderId()));
      };
    }

    private State withUses(Consumer<Map<String, Use>> change) {
      Map<String, Use> changed = new HashMap<>(uses);
      change.accept(changed);
      return new State(promotionId, limits, currency, Map.copyOf(changed));
    }
  }

  /** The code in the form it is kept and looked up in: trimmed, in upper case; null when it is no code. */
  public static String normalized(String code) {
    if (code == null) {
      return null;
    }
    String upper = code.strip().toUpperCase(Locale.ROOT);
    return SHAPE.matcher(upper).matches() ? upper : null;
  }

  // Wiring

  static void init(ClusterSharding sharding, ReservedUseCheck check) {
    sharding.init(Entity.of(ENTITY_KEY, context -> create(context.getEntityId(), context.getShard(), check)));
  }

  static Behavior<Command> create(String code, ActorRef<ClusterSharding.ShardCommand> shard, ReservedUseCheck check) {
    return Behaviors.withTimers(timers -> Behaviors.setup(context -> {
      timers.startTimerWithFixedDelay(new CheckReservedUses(), check.after());
      return new Coupon(code, context, shard, check);
    }));
  }

  private final String code;
  private final ActorContext<Command> context;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  private final ReservedUseCheck check;

  private Coupon(
      String code, ActorContext<Command> context, ActorRef<ClusterSharding.ShardCommand> shard,
      ReservedUseCheck check) {
    super(PersistenceId.of(ENTITY_KEY.name(), code), EntitySupervision.RESTART_AFTER_FAILED_WRITE);
    this.code = code;
    this.context = context;
    this.shard = shard;
    this.check = check;
  }

  @Override
  public State emptyState() {
    return State.NONE;
  }

  // Handlers

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    var builder = newCommandHandlerWithReplyBuilder();
    builder.forAnyState().onAnyCommand((state, command) -> switch (command) {
      case CheckReservedUses tick -> {
        check.askOrders(state.uses(), context, OrderOutcomeLearned::new);
        yield Effect().noReply();
      }
      case OrderOutcomeLearned learned -> onOutcome(state, learned);
      default -> state.promotionId() == null ? onUnissued(command) : onIssued(state, command);
    });
    return builder.build();
  }

  /** The order said what became of it: its use of the code is kept or given back, or stays while it pays. */
  private ReplyEffect<Event, State> onOutcome(State state, OrderOutcomeLearned learned) {
    Instant now = Instant.now();
    if (learned.outcome() == null
        || !ReservedUseCheck.answers(state.uses(), learned.orderId(), learned.reservedAt())) {
      return Effect().noReply();
    }
    List<Event> events = switch (learned.outcome()) {
      case PAID -> state.kept(learned.orderId(), now);
      case NOT_PAID -> state.givenBack(learned.orderId(), now);
      case PAYING -> List.of();
    };
    if (!events.isEmpty()) {
      context.getLog().info("Code {}: the use of order {} is settled by the order's word: {}", code,
          learned.orderId(), learned.outcome());
    }
    return events.isEmpty() ? Effect().noReply() : Effect().persist(events).thenNoReply();
  }

  private ReplyEffect<Event, State> onUnissued(Command command) {
    return switch (command) {
      case Issue issue -> Effect()
          .persist(new CouponIssued(issue.promotionId(), issue.admin(), Instant.now(), issue.limits().uses(),
              issue.limits().usesPerCustomer(), issue.limits().budget(), issue.currency()))
          .thenReply(issue.replyTo(), issued -> issued.issued(code));
      // No such code: answer, and leave, so that made-up codes do not fill the memory.
      case Find find -> notFound(find.replyTo());
      case ReserveUse reserve -> notFound(reserve.replyTo());
      case KeepUse keep -> notFound(keep.replyTo());
      case GiveBackUse giveBack -> notFound(giveBack.replyTo());
      case CheckReservedUses _, OrderOutcomeLearned _ -> throw new IllegalStateException("handled above");
    };
  }

  private ReplyEffect<Event, State> onIssued(State state, Command command) {
    Instant now = Instant.now();
    return switch (command) {
      case Issue issue when state.promotionId().equals(issue.promotionId()) ->
          Effect().reply(issue.replyTo(), state.issued(code));
      case Issue issue -> Effect().reply(issue.replyTo(),
          new Rejected(Rejection.conflict("The code " + code + " belongs to another promotion", "ISSUED")));
      case Find find -> Effect().reply(find.replyTo(), state.issued(code));
      case ReserveUse reserve -> {
        Rejection refusal = state.refuse(reserve, code);
        yield refusal != null
            ? Effect().reply(reserve.replyTo(), new Rejected(refusal))
            : counted(state.reserved(reserve, now), reserve.replyTo());
      }
      case KeepUse keep -> counted(state.kept(keep.orderId(), now), keep.replyTo());
      case GiveBackUse giveBack -> counted(state.givenBack(giveBack.orderId(), now), giveBack.replyTo());
      case CheckReservedUses _, OrderOutcomeLearned _ -> throw new IllegalStateException("handled above");
    };
  }

  private ReplyEffect<Event, State> notFound(ActorRef<Reply> replyTo) {
    return Effect()
        .none()
        .thenRun(none -> shard.tell(new ClusterSharding.Passivate<>(context.getSelf())))
        .thenReply(replyTo, none -> new Rejected(Rejection.notFound("There is no such code")));
  }

  /** Persists what the count changed, if anything; answered once it is stored. */
  private ReplyEffect<Event, State> counted(List<Event> events, ActorRef<Reply> replyTo) {
    return events.isEmpty()
        ? Effect().reply(replyTo, new UseAnswered())
        : Effect().persist(events).thenReply(replyTo, after -> new UseAnswered());
  }

  /** A code shared by many (a drop) holds one use per order: a snapshot now and then keeps its wake-up short. */
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(SNAPSHOT_EVERY, 2);
  }

  private static final int SNAPSHOT_EVERY = 200;

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(State::apply);
  }
}
