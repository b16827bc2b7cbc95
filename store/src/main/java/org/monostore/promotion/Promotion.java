package org.monostore.promotion;

import java.time.Instant;
import java.util.List;
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

/**
 * One promotion: its terms and whether it is live. Admins create it, change its terms, pause and
 * resume it, and end it for good; every node holds the live ones in memory ({@link LivePromotions})
 * from these events, so pricing a cart never asks this entity.
 */
public final class Promotion
    extends EventSourcedBehaviorWithEnforcedReplies<Promotion.Command, Promotion.Event, PromotionState> {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Promotion");

  // Protocol

  public sealed interface Command extends CborSerializable {}

  public record Create(Terms terms, String admin, ActorRef<Reply> replyTo) implements Command {}

  public record ChangeTerms(Terms terms, String admin, ActorRef<Reply> replyTo) implements Command {}

  public record Pause(String admin, ActorRef<Reply> replyTo) implements Command {}

  public record Resume(String admin, ActorRef<Reply> replyTo) implements Command {}

  /** Ends it for good: an ended promotion applies to no cart and cannot be resumed or changed. */
  public record End(String admin, ActorRef<Reply> replyTo) implements Command {}

  public record Get(ActorRef<Reply> replyTo) implements Command {}

  /** Records codes that were issued to it (each a {@link Coupon} already); codes it has are left as they are. */
  public record RecordCodes(List<String> codes, String admin, ActorRef<Reply> replyTo) implements Command {}

  public record GetCodes(ActorRef<Codes> replyTo) implements Command {}

  /** A promotion's codes, in the order they were issued; none for a promotion that does not exist. */
  public record Codes(List<String> codes) implements CborSerializable {}

  /**
   * An order whose payment is being added was priced with the promotion: one use is reserved for it,
   * unless that would pass a limit (the answer then says which). A promotion without limits counts
   * nothing; the same order again is answered as reserved.
   */
  public record ReserveUse(String orderId, String email, long amount, ActorRef<Reply> replyTo) implements Command {}

  /** The order's payment is authorized: its use is kept for good. */
  public record KeepUse(String orderId, ActorRef<Reply> replyTo) implements Command {}

  /** The order's payment was declined or failed, or the order was cancelled: its use is given back. */
  public record GiveBackUse(String orderId, ActorRef<Reply> replyTo) implements Command {}

  /** Now and then, on its own timer: asks the orders whose use has been reserved for long what became of them. */
  private record CheckReservedUses() implements Command {}

  /** What an order said of itself about the use reserved then, or null when it did not answer. */
  private record OrderOutcomeLearned(String orderId, Instant reservedAt, OrderOutcomes.Outcome outcome)
      implements Command {}

  public sealed interface Reply extends CborSerializable {}

  public record Current(PromotionView promotion) implements Reply {}

  public record Rejected(Rejection rejection) implements Reply {}

  /** The use is reserved, kept or given back as asked (or there was nothing to count). */
  public record UseAnswered() implements Reply {}

  // Events

  public sealed interface Event extends Persisted {
    Instant at();
  }

  @PersistedAs("promotion.PromotionCreated")
  public record PromotionCreated(Terms terms, String admin, Instant at) implements Event {}

  @PersistedAs("promotion.TermsChanged")
  public record TermsChanged(Terms terms, String admin, Instant at) implements Event {}

  @PersistedAs("promotion.PromotionPaused")
  public record PromotionPaused(String admin, Instant at) implements Event {}

  @PersistedAs("promotion.PromotionResumed")
  public record PromotionResumed(String admin, Instant at) implements Event {}

  @PersistedAs("promotion.PromotionEnded")
  public record PromotionEnded(String admin, Instant at) implements Event {}

  @PersistedAs("promotion.CodesIssued")
  public record CodesIssued(List<String> codes, String admin, Instant at) implements Event {}

  /** What each node's copy of the promotions skips: they count uses, which only this entity needs. */
  public sealed interface UseEvent extends Event {}

  @PersistedAs("promotion.UseReserved")
  public record UseReserved(String orderId, String email, long amount, Instant at) implements UseEvent {}

  @PersistedAs("promotion.UseKept")
  public record UseKept(String orderId, Instant at) implements UseEvent {}

  @PersistedAs("promotion.UseGivenBack")
  public record UseGivenBack(String orderId, Instant at) implements UseEvent {}

  /** Its uses or its budget ran out: it prices no cart until one is given back. */
  @PersistedAs("promotion.PromotionUsedUp")
  public record PromotionUsedUp(Instant at) implements Event {}

  @PersistedAs("promotion.UsesFreed")
  public record UsesFreed(Instant at) implements Event {}

  // State (the record and its rules are in PromotionState.java)

  public enum Status {
    /** Applies to every cart its conditions hold for. */
    ACTIVE,
    /** Applies to none until resumed. */
    PAUSED,
    /** Applies to none, for good. */
    ENDED
  }

  // Wiring

  static void init(ClusterSharding sharding, ReservedUseCheck check) {
    sharding.init(Entity.of(ENTITY_KEY, context -> create(context.getEntityId(), context.getShard(), check)));
  }

  static Behavior<Command> create(
      String promotionId, ActorRef<ClusterSharding.ShardCommand> shard, ReservedUseCheck check) {
    return Behaviors.withTimers(timers -> Behaviors.setup(context -> {
      timers.startTimerWithFixedDelay(new CheckReservedUses(), check.after());
      return new Promotion(promotionId, context, shard, check);
    }));
  }

  private final String promotionId;
  private final ActorContext<Command> context;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  private final ReservedUseCheck check;

  private Promotion(
      String promotionId, ActorContext<Command> context, ActorRef<ClusterSharding.ShardCommand> shard,
      ReservedUseCheck check) {
    super(PersistenceId.of(ENTITY_KEY.name(), promotionId), EntitySupervision.RESTART_AFTER_FAILED_WRITE);
    this.promotionId = promotionId;
    this.context = context;
    this.shard = shard;
    this.check = check;
  }

  @Override
  public PromotionState emptyState() {
    return PromotionState.NONE;
  }

  // Handlers, by state

  @Override
  public CommandHandlerWithReply<Command, Event, PromotionState> commandHandler() {
    var builder = newCommandHandlerWithReplyBuilder();
    builder.forAnyState().onAnyCommand((state, command) -> switch (command) {
      case CheckReservedUses tick -> {
        check.askOrders(state.uses(), context, OrderOutcomeLearned::new);
        yield Effect().noReply();
      }
      case OrderOutcomeLearned learned -> onOutcome(state, learned);
      default -> state.status() == null ? onUncreated(command) : onCreated(state, command);
    });
    return builder.build();
  }

  /** The order said what became of it: its use is kept or given back, or stays reserved while it pays. */
  private ReplyEffect<Event, PromotionState> onOutcome(PromotionState state, OrderOutcomeLearned learned) {
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
      context.getLog().info("Promotion {}: the use of order {} is settled by the order's word: {}", promotionId,
          learned.orderId(), learned.outcome());
    }
    return events.isEmpty() ? Effect().noReply() : Effect().persist(events).thenNoReply();
  }

  private ReplyEffect<Event, PromotionState> onUncreated(Command command) {
    if (command instanceof GetCodes get) {
      return Effect().reply(get.replyTo(), new Codes(List.of()));
    }
    if (command instanceof Create create) {
      return Effect()
          .persist(new PromotionCreated(create.terms(), create.admin(), Instant.now()))
          .thenReply(create.replyTo(), this::current);
    }
    // No such promotion: answer, and leave, so that made-up ids do not fill the memory.
    return Effect()
        .none()
        .thenRun(state -> shard.tell(new ClusterSharding.Passivate<>(context.getSelf())))
        .thenReply(replyTo(command), state -> new Rejected(Rejection.notFound("There is no promotion " + promotionId)));
  }

  private ReplyEffect<Event, PromotionState> onCreated(PromotionState state, Command command) {
    if (command instanceof Get get) {
      return Effect().reply(get.replyTo(), current(state));
    }
    if (command instanceof GetCodes get) {
      return Effect().reply(get.replyTo(), new Codes(state.codes()));
    }
    if (command instanceof Create create && create.terms().equals(state.terms())) {
      return Effect().reply(create.replyTo(), current(state));
    }
    if (command instanceof ReserveUse || command instanceof KeepUse || command instanceof GiveBackUse) {
      return onUse(state, command);
    }
    Rejection refusal = state.refuse(command);
    if (refusal != null) {
      return Effect().reply(replyTo(command), new Rejected(refusal));
    }
    Instant now = Instant.now();
    Event event = switch (command) {
      case ChangeTerms change -> new TermsChanged(change.terms(), change.admin(), now);
      case Pause pause -> new PromotionPaused(pause.admin(), now);
      case Resume resume -> new PromotionResumed(resume.admin(), now);
      case End end -> new PromotionEnded(end.admin(), now);
      case RecordCodes record -> new CodesIssued(state.newCodes(record.codes()), record.admin(), now);
      case Create create -> throw new IllegalStateException("refused above");
      case Get _, GetCodes _, ReserveUse _, KeepUse _, GiveBackUse _, CheckReservedUses _, OrderOutcomeLearned _ ->
          throw new IllegalStateException("answered above");
    };
    if (event instanceof CodesIssued issued && issued.codes().isEmpty()) {
      return Effect().reply(replyTo(command), current(state));
    }
    return Effect().persist(event).thenReply(replyTo(command), this::current);
  }

  private ReplyEffect<Event, PromotionState> onUse(PromotionState state, Command command) {
    Instant now = Instant.now();
    return switch (command) {
      case ReserveUse reserve -> {
        Rejection refusal = state.refuse(reserve);
        if (refusal != null) {
          yield Effect().reply(reserve.replyTo(), new Rejected(refusal));
        }
        yield counted(state.reserved(reserve, now), reserve.replyTo());
      }
      case KeepUse keep -> counted(state.kept(keep.orderId(), now), keep.replyTo());
      case GiveBackUse giveBack -> counted(state.givenBack(giveBack.orderId(), now), giveBack.replyTo());
      default -> throw new IllegalStateException("Not a use: " + command);
    };
  }

  /** Persists what the count changed, if anything; answered once it is stored. */
  private ReplyEffect<Event, PromotionState> counted(List<Event> events, ActorRef<Reply> replyTo) {
    return events.isEmpty()
        ? Effect().reply(replyTo, new UseAnswered())
        : Effect().persist(events).thenReply(replyTo, after -> new UseAnswered());
  }

  private Reply current(PromotionState state) {
    return new Current(state.view(promotionId));
  }

  private static ActorRef<Reply> replyTo(Command command) {
    return switch (command) {
      case Create create -> create.replyTo();
      case ChangeTerms change -> change.replyTo();
      case Pause pause -> pause.replyTo();
      case Resume resume -> resume.replyTo();
      case End end -> end.replyTo();
      case Get get -> get.replyTo();
      case RecordCodes record -> record.replyTo();
      case ReserveUse reserve -> reserve.replyTo();
      case KeepUse keep -> keep.replyTo();
      case GiveBackUse giveBack -> giveBack.replyTo();
      case GetCodes get -> throw new IllegalStateException("GetCodes is answered with the codes");
      case CheckReservedUses _, OrderOutcomeLearned _ -> throw new IllegalStateException("Not answered: " + command);
    };
  }

  /** A promotion that counts uses holds one per order: a snapshot now and then keeps its wake-up short. */
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(SNAPSHOT_EVERY, 2);
  }

  private static final int SNAPSHOT_EVERY = 200;

  @Override
  public EventHandler<PromotionState, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(PromotionState::apply);
  }

  /** The actions a status allows, for a 409's {@code allowed}: codes only for a promotion that takes them. */
  static List<String> allowed(Status status, Offer.Trigger trigger) {
    boolean codes = trigger == Offer.Trigger.CODE;
    return switch (status) {
      case ACTIVE -> codes ? List.of("update", "pause", "end", "codes") : List.of("update", "pause", "end");
      case PAUSED -> codes ? List.of("update", "resume", "end", "codes") : List.of("update", "resume", "end");
      case ENDED -> List.of();
    };
  }
}
