package org.monostore.promotion;

import java.time.Instant;
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
import org.monostore.platform.CborSerializable;
import org.monostore.platform.EntitySupervision;
import org.monostore.platform.Persisted;
import org.monostore.platform.PersistedAs;
import org.monostore.platform.Rejection;

/**
 * One code a shopper can enter, by the code itself (in upper case): which promotion it belongs to.
 * Being the one writer of its code, it is what keeps a code unique across all promotions.
 */
public final class Coupon extends EventSourcedBehaviorWithEnforcedReplies<Coupon.Command, Coupon.Event, Coupon.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Coupon");

  /** What a code looks like once normalized: 3-32 upper-case letters, digits and dashes. */
  static final Pattern SHAPE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,31}");

  // Protocol

  public sealed interface Command extends CborSerializable {}

  /** Makes the code one of the promotion's; again for the same promotion it is answered as it is. */
  public record Issue(String promotionId, String admin, ActorRef<Reply> replyTo) implements Command {}

  public record Find(ActorRef<Reply> replyTo) implements Command {}

  public sealed interface Reply extends CborSerializable {}

  public record Issued(String code, String promotionId) implements Reply {}

  public record Rejected(Rejection rejection) implements Reply {}

  // Events

  public sealed interface Event extends Persisted {}

  @PersistedAs("promotion.CouponIssued")
  public record CouponIssued(String promotionId, String admin, Instant at) implements Event {}

  // State

  /** The promotion the code belongs to; null until it is issued. */
  public record State(String promotionId) {

    State apply(Event event) {
      return switch (event) {
        case CouponIssued issued -> new State(issued.promotionId());
      };
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

  static void init(ClusterSharding sharding) {
    sharding.init(Entity.of(ENTITY_KEY, context -> create(context.getEntityId(), context.getShard())));
  }

  static Behavior<Command> create(String code, ActorRef<ClusterSharding.ShardCommand> shard) {
    return Behaviors.setup(context -> new Coupon(code, context, shard));
  }

  private final String code;
  private final ActorContext<Command> context;
  private final ActorRef<ClusterSharding.ShardCommand> shard;

  private Coupon(String code, ActorContext<Command> context, ActorRef<ClusterSharding.ShardCommand> shard) {
    super(PersistenceId.of(ENTITY_KEY.name(), code), EntitySupervision.RESTART_AFTER_FAILED_WRITE);
    this.code = code;
    this.context = context;
    this.shard = shard;
  }

  @Override
  public State emptyState() {
    return new State(null);
  }

  // Handlers

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    var builder = newCommandHandlerWithReplyBuilder();
    builder.forAnyState().onAnyCommand((state, command) -> switch (command) {
      case Issue issue when state.promotionId() == null -> Effect()
          .persist(new CouponIssued(issue.promotionId(), issue.admin(), Instant.now()))
          .thenReply(issue.replyTo(), issued -> new Issued(code, issued.promotionId()));
      case Issue issue when state.promotionId().equals(issue.promotionId()) ->
          Effect().reply(issue.replyTo(), new Issued(code, state.promotionId()));
      case Issue issue -> Effect().reply(issue.replyTo(),
          new Rejected(Rejection.conflict("The code " + code + " belongs to another promotion", "ISSUED")));
      case Find find when state.promotionId() != null ->
          Effect().reply(find.replyTo(), new Issued(code, state.promotionId()));
      // No such code: answer, and leave, so that made-up codes do not fill the memory.
      case Find find -> Effect()
          .none()
          .thenRun(none -> shard.tell(new ClusterSharding.Passivate<>(context.getSelf())))
          .thenReply(find.replyTo(), none -> new Rejected(Rejection.notFound("There is no such code")));
    });
    return builder.build();
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(State::apply);
  }
}
