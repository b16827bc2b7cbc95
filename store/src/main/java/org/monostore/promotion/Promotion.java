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

  public sealed interface Reply extends CborSerializable {}

  public record Current(PromotionView promotion) implements Reply {}

  public record Rejected(Rejection rejection) implements Reply {}

  // Events

  public sealed interface Event extends Persisted {
    String admin();

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

  static void init(ClusterSharding sharding) {
    sharding.init(Entity.of(ENTITY_KEY, context -> create(context.getEntityId(), context.getShard())));
  }

  static Behavior<Command> create(String promotionId, ActorRef<ClusterSharding.ShardCommand> shard) {
    return Behaviors.setup(context -> new Promotion(promotionId, context, shard));
  }

  private final String promotionId;
  private final ActorContext<Command> context;
  private final ActorRef<ClusterSharding.ShardCommand> shard;

  private Promotion(String promotionId, ActorContext<Command> context, ActorRef<ClusterSharding.ShardCommand> shard) {
    super(PersistenceId.of(ENTITY_KEY.name(), promotionId), EntitySupervision.RESTART_AFTER_FAILED_WRITE);
    this.promotionId = promotionId;
    this.context = context;
    this.shard = shard;
  }

  @Override
  public PromotionState emptyState() {
    return PromotionState.NONE;
  }

  // Handlers, by state

  @Override
  public CommandHandlerWithReply<Command, Event, PromotionState> commandHandler() {
    var builder = newCommandHandlerWithReplyBuilder();
    builder.forAnyState().onAnyCommand((state, command) -> state.status() == null
        ? onUncreated(command)
        : onCreated(state, command));
    return builder.build();
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
      case Get get -> throw new IllegalStateException("answered above");
      case GetCodes get -> throw new IllegalStateException("answered above");
    };
    if (event instanceof CodesIssued issued && issued.codes().isEmpty()) {
      return Effect().reply(replyTo(command), current(state));
    }
    return Effect().persist(event).thenReply(replyTo(command), this::current);
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
      case GetCodes get -> throw new IllegalStateException("GetCodes is answered with the codes");
    };
  }

  @Override
  public EventHandler<PromotionState, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(PromotionState::apply);
  }

  /** The actions a status allows, for a 409's {@code allowed}. */
  static List<String> allowed(Status status) {
    return switch (status) {
      case ACTIVE -> List.of("update", "pause", "end", "codes");
      case PAUSED -> List.of("update", "resume", "end", "codes");
      case ENDED -> List.of();
    };
  }
}
