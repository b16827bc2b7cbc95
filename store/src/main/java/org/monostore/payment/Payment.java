package org.monostore.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.monostore.platform.CborSerializable;
import org.monostore.platform.EntitySupervision;
import org.monostore.platform.Persisted;
import org.monostore.platform.PersistedAs;
import org.monostore.platform.Rejection;
import org.monostore.shared.Happened;
import org.monostore.shared.Money;

/**
 * One attempt to pay for an order: an amount, a card token, and what the gateway said. The gateway
 * is asked at most once per payment, under the payment's id as idempotency key; authorizing again
 * answers the recorded outcome. Only when the gateway did not answer in time (PENDING: it may or may
 * not have reserved the money) is it asked again, with the same key, so it answers its first outcome
 * instead of charging twice.
 */
public final class Payment
    extends EventSourcedBehaviorWithEnforcedReplies<Payment.Command, Payment.Event, PaymentState> {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Payment");

  // Protocol

  public sealed interface Command extends CborSerializable {}

  public record Initiate(String orderId, Money amount, String method, String token, ActorRef<Reply> replyTo)
      implements Command {}

  public record Authorize(ActorRef<Reply> replyTo) implements Command {}

  public record Get(ActorRef<Reply> replyTo) implements Command {}

  /** What happened to the payment, oldest first: none for a payment that does not exist. */
  public record GetHistory(ActorRef<History> replyTo) implements Command {}

  /** The order's total changed before the payment went to the gateway: it is for the new total. */
  public record ChangeAmount(Money amount, ActorRef<Reply> replyTo) implements Command {}

  /**
   * Its order was cancelled: gives back what the authorization reserved, voids a payment never sent to
   * the gateway, and answers a declined or failed one as it is; while the gateway's outcome is unknown
   * it asks the gateway for it and answers that it cannot release yet.
   */
  public record Release(ActorRef<Reply> replyTo) implements Command {}

  /** The gateway's answer to a release; null with {@code failure} when it gave none in time. */
  private record GatewayReleased(PaymentGateway.Release release, String failure) implements Command {}

  /** The gateway's answer, or, when {@code authorization} is null, why there is none: a reason and words. */
  record GatewayAnswered(PaymentGateway.Authorization authorization, String reason, String failure)
      implements Command {}

  public sealed interface Reply extends CborSerializable {}

  public record Current(PaymentView payment) implements Reply {}

  public record Rejected(Rejection rejection) implements Reply {}

  public record History(List<Happened> entries) implements CborSerializable {}

  // Events

  public sealed interface Event extends Persisted {
    Instant at();
  }

  @PersistedAs("payment.PaymentInitiated")
  public record PaymentInitiated(String orderId, Money amount, String method, String token, Instant at)
      implements Event {}

  @PersistedAs("payment.AmountChanged")
  public record AmountChanged(Money amount, Instant at) implements Event {}

  @PersistedAs("payment.AuthorizationRequested")
  public record AuthorizationRequested(Instant at) implements Event {}

  @PersistedAs("payment.PaymentAuthorized")
  public record PaymentAuthorized(String authorizationCode, Instant at) implements Event {}

  @PersistedAs("payment.PaymentDeclined")
  public record PaymentDeclined(String reason, String message, Instant at) implements Event {}

  @PersistedAs("payment.AuthorizationFailed")
  public record AuthorizationFailed(String reason, String message, Instant at) implements Event {}

  /**
   * The gateway did not answer in time ({@code reason} timeout), or the connection broke
   * (unreachable): whether the money is reserved is not known yet.
   */
  @PersistedAs("payment.AuthorizationUnanswered")
  public record AuthorizationUnanswered(String reason, String message, Instant at) implements Event {}

  @PersistedAs("payment.AuthorizationReleased")
  public record AuthorizationReleased(Instant at) implements Event {}

  // State (the record and its rules are in PaymentState.java)

  public enum Status {
    /** Added to the order, not yet sent to the gateway. */
    INITIATED,
    /** Sent to the gateway, no answer yet. */
    AUTHORIZING,
    AUTHORIZED,
    DECLINED,
    FAILED,
    /** The gateway did not answer in time; authorizing again asks it for its first outcome. */
    PENDING,
    /** Was authorized; what it reserved was given back. */
    RELEASED;

    public boolean isDecided() {
      return this == AUTHORIZED || this == DECLINED || this == FAILED || this == RELEASED;
    }
  }


  // Wiring

  public static void init(ClusterSharding sharding, PaymentGateway gateway, Duration gatewayTimeout) {
    sharding.init(Entity.of(ENTITY_KEY,
        context -> create(context.getEntityId(), context.getShard(), gateway, gatewayTimeout)));
  }

  static Behavior<Command> create(
      String paymentId, ActorRef<ClusterSharding.ShardCommand> shard, PaymentGateway gateway, Duration gatewayTimeout) {
    return Behaviors.setup(context -> new Payment(paymentId, context, shard, gateway, gatewayTimeout));
  }

  private final String paymentId;
  private final ActorContext<Command> context;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  private final PaymentGateway gateway;
  private final Duration gatewayTimeout;
  /** Who waits for the gateway's answer; not state: after a restart they have timed out anyway. */
  private final List<ActorRef<Reply>> waiting = new ArrayList<>();
  private boolean gatewayAsked;
  /** As {@code waiting}, for a release: the gateway is asked while anyone is in it. */
  private final List<ActorRef<Reply>> releasing = new ArrayList<>();

  private Payment(
      String paymentId, ActorContext<Command> context, ActorRef<ClusterSharding.ShardCommand> shard,
      PaymentGateway gateway, Duration gatewayTimeout) {
    super(PersistenceId.of(ENTITY_KEY.name(), paymentId), EntitySupervision.RESTART_AFTER_FAILED_WRITE);
    this.paymentId = paymentId;
    this.context = context;
    this.shard = shard;
    this.gateway = gateway;
    this.gatewayTimeout = gatewayTimeout;
  }

  @Override
  public PaymentState emptyState() {
    return PaymentState.NONE;
  }

  // Handlers, by state

  @Override
  public CommandHandlerWithReply<Command, Event, PaymentState> commandHandler() {
    var builder = newCommandHandlerWithReplyBuilder();
    builder.forAnyState().onAnyCommand((state, command) -> state.status() == null
        ? onUninitiated(command)
        : onInitiated(state, command));
    return builder.build();
  }

  private ReplyEffect<Event, PaymentState> onUninitiated(Command command) {
    return switch (command) {
      case Initiate initiate -> Effect()
          .persist(new PaymentInitiated(initiate.orderId(), initiate.amount(), initiate.method(), initiate.token(),
              Instant.now()))
          .thenReply(initiate.replyTo(), this::current);
      case GatewayAnswered answered -> Effect().noReply();
      case GatewayReleased released -> Effect().noReply();
      case GetHistory get -> Effect().reply(get.replyTo(), new History(List.of()));
      default -> Effect()
          .none()
          .thenRun(state -> shard.tell(new ClusterSharding.Passivate<>(context.getSelf())))
          .thenReply(replyTo(command), state -> new Rejected(Rejection.notFound("There is no payment " + paymentId)));
    };
  }

  private ReplyEffect<Event, PaymentState> onInitiated(PaymentState state, Command command) {
    return switch (command) {
      case Get get -> Effect().reply(get.replyTo(), current(state));
      case GetHistory get -> Effect().reply(get.replyTo(), new History(state.history()));
      case Initiate initiate when initiate.orderId().equals(state.orderId()) ->
          Effect().reply(initiate.replyTo(), current(state));
      case Initiate initiate -> Effect().reply(initiate.replyTo(),
          new Rejected(Rejection.conflict("The payment belongs to another order", state.status().name())));
      case ChangeAmount change when change.amount().equals(state.amount()) ->
          Effect().reply(change.replyTo(), current(state));
      case ChangeAmount change when state.status() == Status.INITIATED -> Effect()
          .persist(new AmountChanged(change.amount(), Instant.now()))
          .thenReply(change.replyTo(), this::current);
      case ChangeAmount change -> Effect().reply(change.replyTo(), new Rejected(Rejection.conflict(
          "The amount of a payment sent to the gateway cannot change", state.status().name())));
      case Authorize authorize when state.status().isDecided() -> Effect().reply(authorize.replyTo(), current(state));
      case Authorize authorize when state.status() == Status.INITIATED -> {
        waiting.add(authorize.replyTo());
        yield Effect().persist(new AuthorizationRequested(Instant.now())).thenRun(this::askGateway).thenNoReply();
      }
      case Authorize authorize -> {
        // AUTHORIZING or PENDING: join the request under way, or repeat it under the same key.
        waiting.add(authorize.replyTo());
        yield Effect().none().thenRun(this::askGateway).thenNoReply();
      }
      case GatewayAnswered answered when state.status().isDecided() -> Effect().noReply();
      case GatewayAnswered answered -> {
        gatewayAsked = false;
        if (answered.authorization() == null) {
          context.getLog().warn("Payment {}: {}; its outcome is pending", paymentId, answered.failure());
        }
        yield Effect().persist(PaymentState.answered(answered, Instant.now())).thenRun(this::answerWaiting).thenNoReply();
      }
      case Release release when state.status() == Status.AUTHORIZED -> {
        boolean underWay = !releasing.isEmpty();
        releasing.add(release.replyTo());
        yield underWay ? Effect().noReply() : Effect().none().thenRun(this::askRelease).thenNoReply();
      }
      case Release release when state.status() == Status.RELEASED || state.status() == Status.DECLINED
          || state.status() == Status.FAILED -> Effect().reply(release.replyTo(), current(state));
      // Never sent to the gateway: it never will be, so nothing can be reserved.
      case Release release when state.status() == Status.INITIATED -> Effect()
          .persist(new AuthorizationFailed("cancelled", "The order was cancelled before the payment was authorized",
              Instant.now()))
          .thenReply(release.replyTo(), this::current);
      // PENDING: the gateway may have reserved the money; its first outcome is asked for again.
      case Release release -> {
        EffectBuilder<Event, PaymentState> effect = state.status() == Status.PENDING
            ? Effect().none().thenRun(this::askGateway) : Effect().none();
        yield effect.thenReply(release.replyTo(), unchanged -> new Rejected(Rejection.unavailable(
            "The gateway's outcome for the payment is not known yet; it can be released once it is")));
      }
      case GatewayReleased released when state.status() != Status.AUTHORIZED -> Effect().noReply();
      case GatewayReleased released when released.release() instanceof PaymentGateway.Released ->
          Effect().persist(new AuthorizationReleased(Instant.now())).thenRun(this::answerReleasing).thenNoReply();
      case GatewayReleased released -> {
        String failure = released.release() instanceof PaymentGateway.ReleaseFailed(String reason, String message)
            ? message : released.failure();
        context.getLog().warn("Payment {}: not released: {}", paymentId, failure);
        yield Effect().none().thenRun((PaymentState unchanged) -> {
          releasing.forEach(replyTo -> replyTo.tell(new Rejected(Rejection.unavailable(failure))));
          releasing.clear();
        }).thenNoReply();
      }
    };
  }

  /** Asks the gateway to release the authorization; its answer comes back as a message. */
  private void askRelease(PaymentState state) {
    var request = new PaymentGateway.ReleaseRequest(paymentId, state.outcome().authorizationCode(), state.amount());
    context.pipeToSelf(
        gateway.release(request).toCompletableFuture().copy()
            .orTimeout(gatewayTimeout.toMillis(), TimeUnit.MILLISECONDS),
        (release, failure) -> new GatewayReleased(release, failure == null ? null : unanswered(failure).failure()));
  }

  private void answerReleasing(PaymentState state) {
    Reply reply = current(state);
    releasing.forEach(replyTo -> replyTo.tell(reply));
    releasing.clear();
  }

  /** Asks the gateway unless a request is under way already; the answer comes back as a message. */
  private void askGateway(PaymentState state) {
    if (gatewayAsked) {
      return;
    }
    gatewayAsked = true;
    var request = new PaymentGateway.AuthorizationRequest(paymentId, state.amount(), state.method(), state.token());
    // On a copy: the gateway may hand the same future to every request under the key, and timing that
    // one out would lose its late answer for the next request too.
    context.pipeToSelf(
        gateway.authorize(request).toCompletableFuture().copy()
            .orTimeout(gatewayTimeout.toMillis(), TimeUnit.MILLISECONDS),
        (authorization, failure) -> failure == null ? new GatewayAnswered(authorization, null, null) : unanswered(failure));
  }

  private GatewayAnswered unanswered(Throwable failure) {
    boolean timedOut = failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException;
    return timedOut
        ? new GatewayAnswered(null, "timeout",
            "The payment gateway did not answer within " + gatewayTimeout.toMillis() + " ms")
        : new GatewayAnswered(null, "unreachable", "The payment gateway could not be reached");
  }

  private void answerWaiting(PaymentState state) {
    Reply reply = current(state);
    waiting.forEach(replyTo -> replyTo.tell(reply));
    waiting.clear();
  }

  private Reply current(PaymentState state) {
    return new Current(state.view(paymentId));
  }

  private static ActorRef<Reply> replyTo(Command command) {
    return switch (command) {
      case Initiate c -> c.replyTo();
      case Authorize c -> c.replyTo();
      case Get c -> c.replyTo();
      case Release c -> c.replyTo();
      case ChangeAmount c -> c.replyTo();
      case GetHistory c -> throw new IllegalArgumentException("A history is answered with a History");
      case GatewayAnswered c -> throw new IllegalArgumentException("The gateway's answer expects no reply");
      case GatewayReleased c -> throw new IllegalArgumentException("The gateway's answer expects no reply");
    };
  }

  @Override
  public EventHandler<PaymentState, Event> eventHandler() {
    var builder = newEventHandlerBuilder();
    builder.forAnyState().onAnyEvent(PaymentState::apply);
    return builder.build();
  }
}
