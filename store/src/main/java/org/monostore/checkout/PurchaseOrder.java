package org.monostore.checkout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.monostore.cart.Cart;
import org.monostore.cart.CartView;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.payment.Payment;
import org.monostore.payment.PaymentView;
import org.monostore.platform.CborSerializable;
import org.monostore.platform.EntitySupervision;
import org.monostore.platform.Rejection;
import org.monostore.pricing.Pricing;
import org.monostore.shared.Money;

/**
 * A purchase order: the checkout of one cart, from contact information through payment to
 * fulfilment. Its steps involve other entities (the cart, a payment, a fulfilment), so it handles one
 * request at a time: while a step waits for another entity's answer, later requests wait in the stash,
 * and each is then decided against the order as the step left it.
 */
public final class PurchaseOrder extends EventSourcedBehavior<PurchaseOrder.Command, PurchaseOrder.Event, OrderState> {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "PurchaseOrder");

  /** How long a cancelled order waits before it asks its payment to be released again. */
  private static final Duration RELEASE_RETRY = Duration.ofSeconds(10);

  private static final Cart.Reply CART_SILENT =
      new Cart.Rejected(Rejection.unavailable("The cart did not answer in time"));
  private static final Payment.Reply PAYMENT_SILENT =
      new Payment.Rejected(Rejection.unavailable("The payment did not answer in time; authorize it again"));

  // Protocol

  public sealed interface Command extends CborSerializable {}

  public record Create(String cartId, ActorRef<Reply> replyTo) implements Command {}

  public record Get(ActorRef<Reply> replyTo) implements Command {}

  public record GiveContact(Contact contact, ActorRef<Reply> replyTo) implements Command {}

  public record AddPayment(String paymentId, String method, String token, ActorRef<Reply> replyTo) implements Command {}

  /** {@code idempotencyKey} is the client's key for this authorization, or null. */
  public record AuthorizePayment(String paymentId, String idempotencyKey, ActorRef<Reply> replyTo) implements Command {}

  public record CreateFulfillment(ActorRef<Reply> replyTo) implements Command {}

  public record Cancel(ActorRef<Reply> replyTo) implements Command {}

  /** An admin's change of the contact information, recorded with the admin's name. */
  public record GiveContactByAdmin(String admin, Contact contact, ActorRef<Reply> replyTo) implements Command {}

  /**
   * An admin's cancellation: like the customer's before the payment is authorized, and also after it,
   * as long as the fulfilment (if any) can still be cancelled.
   */
  public record CancelByAdmin(String admin, ActorRef<Reply> replyTo) implements Command {}

  /** Another entity's answer to the step under way. */
  private sealed interface StepAnswer extends Command {}

  private record CartFound(Create create, Cart.Reply reply) implements StepAnswer {}

  private record CartLocked(AddPayment add, Cart.Reply reply) implements StepAnswer {}

  private record PaymentInitiated(AddPayment add, Pricing pricing, Payment.Reply reply) implements StepAnswer {}

  private record AuthorizationAnswered(AuthorizePayment authorize, Payment.Reply reply) implements StepAnswer {}

  private record CartCheckedBeforeAuthorization(AuthorizePayment authorize, Cart.Reply reply) implements StepAnswer {}

  private record PaymentAmountChanged(AuthorizePayment authorize, Pricing pricing, Payment.Reply reply)
      implements StepAnswer {}

  private record FulfillmentAnswered(CreateFulfillment create, Fulfillment.Reply reply) implements StepAnswer {}

  private record CartReleased(String by, ActorRef<Reply> replyTo, Cart.Reply reply) implements StepAnswer {}

  private record FulfillmentStopped(String by, ActorRef<Reply> replyTo, Fulfillment.Reply reply)
      implements StepAnswer {}

  /** A cancelled order gives back what its authorized payment reserved; sent again until it is. */
  private record ReleasePayment() implements Command {}

  /** The payment's answer to a release; null when it gave none in time. */
  private record ReleaseAnswered(String paymentId, Payment.Reply reply) implements Command {}

  public sealed interface Reply extends CborSerializable {}

  public record Current(OrderState order) implements Reply {}

  public record Rejected(Rejection rejection) implements Reply {}

  // Events

  public sealed interface Event extends CborSerializable {
    Instant at();
  }

  public record OrderCreated(String cartId, String market, String currency, Instant at) implements Event {}

  public record ContactGiven(Contact contact, Instant at) implements Event {}

  /** The cart is locked and its pricing, with the amount to pay, is fixed from here on. */
  public record PaymentAdded(String paymentId, String method, Money amount, Pricing pricing, Instant at)
      implements Event {}

  /** The gateway's outcome for one payment; {@code idempotencyKey} is the client's key, if it sent one. */
  public record PaymentAuthorized(String paymentId, PaymentView.Outcome outcome, String idempotencyKey, Instant at)
      implements PaymentOutcome {}

  public record PaymentDeclined(String paymentId, PaymentView.Outcome outcome, String idempotencyKey, Instant at)
      implements PaymentOutcome {}

  public record PaymentFailed(String paymentId, PaymentView.Outcome outcome, String idempotencyKey, Instant at)
      implements PaymentOutcome {}

  /** The gateway did not answer in time; the payment's outcome is learnt by authorizing it again. */
  public record PaymentPending(String paymentId, PaymentView.Outcome outcome, String idempotencyKey, Instant at)
      implements PaymentOutcome {}

  /** The order was cancelled after it was paid, and what the payment reserved was given back. */
  public record PaymentReleased(String paymentId, PaymentView.Outcome outcome, String idempotencyKey, Instant at)
      implements PaymentOutcome {}

  public sealed interface PaymentOutcome extends Event {
    String paymentId();

    PaymentView.Outcome outcome();

    String idempotencyKey();
  }

  /**
   * An admin changed the locked cart after the payment was added: the order's pricing and the payment,
   * not yet sent to the gateway, are for the cart's new total.
   */
  public record PaymentRepriced(String paymentId, Money amount, Pricing pricing, Instant at) implements Event {}

  public record FulfillmentCreated(String fulfillmentId, Instant at) implements Event {}

  /** {@code by} is "customer" or the name of the admin who cancelled it. */
  public record OrderCancelled(String by, Instant at) implements Event {}

  /** An admin changed the order; the change's own event is persisted with it, right after. */
  public record OrderEditedByAdmin(String admin, String action, Instant at) implements Event {}

  // Wiring

  /** What an order needs from the entities it works with; each answer comes back as a message. */
  public interface Collaborators {
    CompletionStage<Cart.Reply> askCart(String cartId, Function<ActorRef<Cart.Reply>, Cart.Command> command);

    CompletionStage<Payment.Reply> initiatePayment(
        String paymentId, String orderId, Money amount, String method, String token);

    CompletionStage<Payment.Reply> authorizePayment(String paymentId);

    CompletionStage<Payment.Reply> changePaymentAmount(String paymentId, Money amount);

    CompletionStage<Payment.Reply> releasePayment(String paymentId);

    CompletionStage<Fulfillment.Reply> createFulfillment(
        String fulfillmentId, String orderId, List<Fulfillment.Item> items, Contact contact);

    CompletionStage<Fulfillment.Reply> cancelFulfillment(String fulfillmentId);

    /** Whether an authorized order creates its fulfilment by itself. */
    boolean fulfilAutomatically();
  }

  public static void init(ClusterSharding sharding, Collaborators collaborators) {
    sharding.init(Entity.of(ENTITY_KEY, context -> create(context.getEntityId(), context.getShard(), collaborators)));
  }

  static Behavior<Command> create(
      String orderId, ActorRef<ClusterSharding.ShardCommand> shard, Collaborators collaborators) {
    return Behaviors.setup(context -> new PurchaseOrder(orderId, context, shard, collaborators));
  }

  private final String orderId;
  private final ActorContext<Command> context;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  private final Collaborators collaborators;
  /** A step is waiting for another entity; not state: a restarted order has no step under way. */
  private boolean busy;

  private PurchaseOrder(
      String orderId, ActorContext<Command> context, ActorRef<ClusterSharding.ShardCommand> shard,
      Collaborators collaborators) {
    super(PersistenceId.of(ENTITY_KEY.name(), orderId), EntitySupervision.RESTART_AFTER_FAILED_WRITE);
    this.orderId = orderId;
    this.context = context;
    this.shard = shard;
    this.collaborators = collaborators;
  }

  @Override
  public OrderState emptyState() {
    return OrderState.NONE;
  }

  // Handlers: first the requests, then the answers of the other entities to each step

  @Override
  public CommandHandler<Command, Event, OrderState> commandHandler() {
    return newCommandHandlerBuilder().forAnyState().onAnyCommand(this::handle);
  }

  private Effect<Event, OrderState> handle(OrderState state, Command command) {
    return switch (command) {
      case StepAnswer answer -> onAnswer(state, answer);
      case ReleasePayment release -> releasePayment(state);
      case ReleaseAnswered answered -> onRelease(state, answered);
      case Get get when state.status() != null -> Effect().reply(get.replyTo(), new Current(state));
      case Command request when busy -> Effect().stash();
      case Get get -> unknown(get.replyTo());
      case Create create when state.status() == null ->
          step(collaborators.askCart(create.cartId(), Cart.Get::new), CART_SILENT, reply -> new CartFound(create, reply));
      case Create create -> create.cartId().equals(state.cartId()) ? Effect().reply(create.replyTo(), new Current(state)) : reject(create.replyTo(), state.conflict("create"));
      case Command request when state.status() == null -> unknown(replyTo(request));
      case GiveContact give when state.refuse("contact") != null -> reject(give.replyTo(), state.refuse("contact"));
      case GiveContact give ->
          Effect().persist(new ContactGiven(give.contact(), Instant.now())).thenReply(give.replyTo(), Current::new);
      case AddPayment add when state.refuse("addPayment") != null -> reject(add.replyTo(), state.refuse("addPayment"));
      case AddPayment add -> step(collaborators.askCart(state.cartId(), replyTo -> new Cart.Lock(orderId, replyTo)),
          CART_SILENT, reply -> new CartLocked(add, reply));
      case AuthorizePayment authorize -> authorize(state, authorize);
      case CreateFulfillment create when state.refuse("createFulfillment") != null ->
          reject(create.replyTo(), state.refuse("createFulfillment"));
      case CreateFulfillment create -> createFulfillment(state, create);
      case Cancel cancel when state.refuse("cancel") != null -> reject(cancel.replyTo(), state.refuse("cancel"));
      case Cancel cancel -> releaseCart(state, OrderTimeline.CUSTOMER, cancel.replyTo());
      case GiveContactByAdmin give when state.refuse("contact") != null ->
          reject(give.replyTo(), state.refuse("contact"));
      case GiveContactByAdmin give -> {
        Instant now = Instant.now();
        yield Effect().persist(List.of(new OrderEditedByAdmin(give.admin(), "contact", now),
            new ContactGiven(give.contact(), now))).thenReply(give.replyTo(), Current::new);
      }
      case CancelByAdmin cancel when state.refuseAdminCancel() != null ->
          reject(cancel.replyTo(), state.refuseAdminCancel());
      case CancelByAdmin cancel when state.fulfillmentId() != null ->
          step(collaborators.cancelFulfillment(state.fulfillmentId()),
              new Fulfillment.Rejected(Rejection.unavailable("The fulfilment did not answer in time")),
              reply -> new FulfillmentStopped(cancel.admin(), cancel.replyTo(), reply));
      // Paid: the cart is checked out for good and stays so.
      case CancelByAdmin cancel when state.paid() -> Effect()
          .persist(new OrderCancelled(cancel.admin(), Instant.now()))
          .thenRun(this::releaseLater)
          .thenReply(cancel.replyTo(), Current::new);
      case CancelByAdmin cancel -> releaseCart(state, cancel.admin(), cancel.replyTo());
    };
  }

  private Effect<Event, OrderState> releaseCart(OrderState state, String by, ActorRef<Reply> replyTo) {
    return step(collaborators.askCart(state.cartId(), cart -> new Cart.Unlock(orderId, cart)), CART_SILENT,
        reply -> new CartReleased(by, replyTo, reply));
  }

  private Effect<Event, OrderState> authorize(OrderState state, AuthorizePayment authorize) {
    OrderState.PaymentEntry payment = state.payment(authorize.paymentId());
    String keyUsedFor = authorize.idempotencyKey() == null ? null : state.paymentIdsByKey().get(authorize.idempotencyKey());
    if (payment == null) {
      return reject(authorize.replyTo(), Rejection.notFound("The order has no payment " + authorize.paymentId()));
    }
    if (keyUsedFor != null && !keyUsedFor.equals(payment.id())) {
      return reject(authorize.replyTo(), Rejection.conflict("The Idempotency-Key was used to authorize payment "
          + keyUsedFor + " of this order", state.status().name(), state.allowed()));
    }
    if (payment.status().isDecided()) {
      return Effect().reply(authorize.replyTo(), new Current(state));
    }
    if (state.refuse("authorize") != null) {
      return reject(authorize.replyTo(), state.refuse("authorize"));
    }
    if (payment.status() == Payment.Status.INITIATED) {
      // Only an admin's override changes a locked cart; the first authorization after it must not
      // charge the total from before.
      return step(collaborators.askCart(state.cartId(), Cart.Get::new), CART_SILENT,
          reply -> new CartCheckedBeforeAuthorization(authorize, reply));
    }
    return step(collaborators.authorizePayment(payment.id()), PAYMENT_SILENT,
        reply -> new AuthorizationAnswered(authorize, reply));
  }

  private Effect<Event, OrderState> onCartChecked(OrderState state, CartCheckedBeforeAuthorization checked) {
    AuthorizePayment authorize = checked.authorize();
    Money amount = state.payment(authorize.paymentId()).amount();
    return switch (checked.reply()) {
      case Cart.Current(CartView cart) when cart.pricing().total().equals(amount) ->
          continueWith(collaborators.authorizePayment(authorize.paymentId()), PAYMENT_SILENT,
              reply -> new AuthorizationAnswered(authorize, reply));
      case Cart.Current(CartView cart) ->
          continueWith(collaborators.changePaymentAmount(authorize.paymentId(), cart.pricing().total()),
              PAYMENT_SILENT, reply -> new PaymentAmountChanged(authorize, cart.pricing(), reply));
      case Cart.Rejected(Rejection rejection) -> failed(authorize.replyTo(), rejection);
    };
  }

  /** The payment is for the new total now; the customer authorizes again, knowing what they pay. */
  private Effect<Event, OrderState> onRepriced(PaymentAmountChanged changed) {
    if (!(changed.reply() instanceof Payment.Current(PaymentView payment))) {
      return failed(changed.authorize().replyTo(), ((Payment.Rejected) changed.reply()).rejection());
    }
    Money total = payment.amount();
    return Effect()
        .persist(new PaymentRepriced(payment.id(), total, changed.pricing(), Instant.now()))
        .thenRun((OrderState repriced) -> {
          busy = false;
          changed.authorize().replyTo().tell(new Rejected(Rejection.conflict(
              "The shop changed the cart after payment " + payment.id() + " was added: the total is now "
                  + total.inWords() + ". Authorize again to pay it",
              repriced.status().name(), repriced.allowed())));
        })
        .thenUnstashAll();
  }

  private Effect<Event, OrderState> createFulfillment(OrderState state, CreateFulfillment create) {
    List<Fulfillment.Item> items = state.pricing().lines().stream()
        .map(line -> new Fulfillment.Item(line.sku(), line.name(), line.quantity()))
        .toList();
    return step(collaborators.createFulfillment(OrderState.fulfillmentIdOf(orderId), orderId, items, state.contact()),
        new Fulfillment.Rejected(Rejection.unavailable("The fulfilment did not answer in time")),
        reply -> new FulfillmentAnswered(create, reply));
  }

  // Releasing the payment of an order cancelled after it was paid: not a step, nothing waits for it

  private void releaseLater(OrderState state) {
    if (state.paymentToRelease() != null) {
      context.getSelf().tell(new ReleasePayment());
    }
  }

  private Effect<Event, OrderState> releasePayment(OrderState state) {
    OrderState.PaymentEntry payment = state.paymentToRelease();
    if (payment != null) {
      context.pipeToSelf(collaborators.releasePayment(payment.id()),
          (reply, failure) -> new ReleaseAnswered(payment.id(), failure == null ? reply : null));
    }
    return Effect().none();
  }

  private Effect<Event, OrderState> onRelease(OrderState state, ReleaseAnswered answered) {
    if (answered.reply() instanceof Payment.Current(PaymentView payment) && payment.status() == Payment.Status.RELEASED) {
      return state.paymentToRelease() == null ? Effect().none()
          : Effect().persist(new PaymentReleased(payment.id(), payment.outcome(), null, Instant.now()));
    }
    context.getLog().warn("Payment {} of cancelled order {} is not released yet: {}; trying again in {}",
        answered.paymentId(), orderId, answered.reply(), RELEASE_RETRY);
    context.scheduleOnce(RELEASE_RETRY, context.getSelf(), new ReleasePayment());
    return Effect().none();
  }

  private Effect<Event, OrderState> onAnswer(OrderState state, StepAnswer answer) {
    return switch (answer) {
      case CartFound found -> switch (found.reply()) {
        case Cart.Current(CartView cart) when cart.status() == Cart.Status.OPEN -> done(
            Effect().persist(new OrderCreated(cart.id(), cart.market(), cart.currency(), Instant.now())),
            found.create().replyTo());
        case Cart.Current(CartView cart) -> failed(found.create().replyTo(), Rejection.conflict(
            "The cart is " + cart.status() + " by order " + cart.orderId(), cart.status().name()));
        case Cart.Rejected(Rejection rejection) when rejection.reason() == Rejection.Reason.NOT_FOUND ->
            failed(found.create().replyTo(), Rejection.invalid("cartId", "There is no cart " + found.create().cartId()));
        case Cart.Rejected(Rejection rejection) -> failed(found.create().replyTo(), rejection);
      };
      case CartLocked locked -> switch (locked.reply()) {
        case Cart.Current(CartView cart) -> {
          AddPayment add = locked.add();
          Money amount = cart.pricing().total();
          yield continueWith(collaborators.initiatePayment(add.paymentId(), orderId, amount, add.method(), add.token()),
              new Payment.Rejected(Rejection.unavailable("The payment did not answer in time")),
              reply -> new PaymentInitiated(add, cart.pricing(), reply));
        }
        case Cart.Rejected(Rejection rejection) -> failed(locked.add().replyTo(), rejection);
      };
      case PaymentInitiated initiated -> switch (initiated.reply()) {
        case Payment.Current(PaymentView payment) -> done(Effect().persist(new PaymentAdded(payment.id(),
            payment.method(), payment.amount(), initiated.pricing(), Instant.now())), initiated.add().replyTo());
        case Payment.Rejected(Rejection rejection) -> failed(initiated.add().replyTo(), rejection);
      };
      case AuthorizationAnswered answered -> onAuthorization(state, answered);
      case CartCheckedBeforeAuthorization checked -> onCartChecked(state, checked);
      case PaymentAmountChanged changed -> onRepriced(changed);
      case FulfillmentAnswered answered -> switch (answered.reply()) {
        case Fulfillment.Current(var fulfillment) ->
            done(Effect().persist(new FulfillmentCreated(fulfillment.id(), Instant.now())), answered.create().replyTo());
        case Fulfillment.Rejected(Rejection rejection) -> failed(answered.create().replyTo(), rejection);
      };
      case CartReleased released -> switch (released.reply()) {
        case Cart.Rejected(Rejection rejection) when rejection.reason() == Rejection.Reason.UNAVAILABLE ->
            failed(released.replyTo(), rejection);
        // Open again, or never locked by this order: either way the order may go.
        case Cart.Reply reply ->
            done(Effect().persist(new OrderCancelled(released.by(), Instant.now())), released.replyTo());
      };
      case FulfillmentStopped stopped -> switch (stopped.reply()) {
        case Fulfillment.Current current -> done(
            Effect().persist(new OrderCancelled(stopped.by(), Instant.now())).thenRun(this::releaseLater),
            stopped.replyTo());
        case Fulfillment.Rejected(Rejection rejection) -> failed(stopped.replyTo(), rejection);
      };
    };
  }

  private Effect<Event, OrderState> onAuthorization(OrderState state, AuthorizationAnswered answered) {
    AuthorizePayment authorize = answered.authorize();
    if (!(answered.reply() instanceof Payment.Current(PaymentView payment))) {
      return failed(authorize.replyTo(), ((Payment.Rejected) answered.reply()).rejection());
    }
    Event outcome = OrderState.outcomeOf(payment, authorize.idempotencyKey(), Instant.now());
    context.getLog().info("Payment {} of order {} is {}", payment.id(), orderId, payment.status());
    if (outcome == null) {
      return done(Effect().none(), authorize.replyTo());
    }
    if (!(outcome instanceof PaymentAuthorized)) {
      return done(Effect().persist(outcome), authorize.replyTo());
    }
    return Effect().persist(outcome).thenRun((OrderState authorized) -> {
      authorize.replyTo().tell(new Current(authorized));
      collaborators.askCart(authorized.cartId(), replyTo -> new Cart.CheckOut(orderId, replyTo));
      if (collaborators.fulfilAutomatically()) {
        createFulfillment(authorized, new CreateFulfillment(context.getSystem().ignoreRef()));
      } else {
        busy = false;
      }
    }).thenUnstashAll();
  }

  // Steps: ask another entity, and wait for its answer with the next requests stashed

  private <T> Effect<Event, OrderState> step(CompletionStage<T> ask, T silence, Function<T, StepAnswer> answer) {
    busy = true;
    return continueWith(ask, silence, answer);
  }

  /** {@code silence} stands in for the answer when the entity does not give one in time. */
  private <T> Effect<Event, OrderState> continueWith(
      CompletionStage<T> ask, T silence, Function<T, StepAnswer> answer) {
    context.pipeToSelf(ask, (reply, failure) -> answer.apply(failure == null ? reply : silence));
    return Effect().none();
  }

  /** The step's last event is persisted (or none is needed): answer, and take the next request. */
  private Effect<Event, OrderState> done(
      org.apache.pekko.persistence.typed.javadsl.EffectBuilder<Event, OrderState> effect, ActorRef<Reply> replyTo) {
    return effect.thenRun((OrderState state) -> {
      busy = false;
      replyTo.tell(new Current(state));
    }).thenUnstashAll();
  }

  /** The step could not be taken: answer why, and leave if the order was never created. */
  private Effect<Event, OrderState> failed(ActorRef<Reply> replyTo, Rejection rejection) {
    return Effect().none().thenRun((OrderState state) -> {
      busy = false;
      replyTo.tell(new Rejected(rejection));
      if (state.status() == null) {
        shard.tell(new ClusterSharding.Passivate<>(context.getSelf()));
      }
    }).thenUnstashAll();
  }

  private Effect<Event, OrderState> reject(ActorRef<Reply> replyTo, Rejection rejection) {
    return Effect().reply(replyTo, new Rejected(rejection));
  }

  /** No such order: answer, and leave, so that made-up ids do not fill the memory. */
  private Effect<Event, OrderState> unknown(ActorRef<Reply> replyTo) {
    return Effect()
        .none()
        .thenRun(() -> shard.tell(new ClusterSharding.Passivate<>(context.getSelf())))
        .thenReply(replyTo, state -> new Rejected(Rejection.notFound("There is no order " + orderId)));
  }

  private static ActorRef<Reply> replyTo(Command command) {
    return switch (command) {
      case Create c -> c.replyTo();
      case Get c -> c.replyTo();
      case GiveContact c -> c.replyTo();
      case AddPayment c -> c.replyTo();
      case AuthorizePayment c -> c.replyTo();
      case CreateFulfillment c -> c.replyTo();
      case Cancel c -> c.replyTo();
      case GiveContactByAdmin c -> c.replyTo();
      case CancelByAdmin c -> c.replyTo();
      case ReleasePayment c -> throw new IllegalArgumentException("The order's own reminder expects no reply");
      case ReleaseAnswered c -> throw new IllegalArgumentException("The payment's answer expects no reply");
      case StepAnswer c -> throw new IllegalArgumentException("An entity's answer expects no reply");
    };
  }

  @Override
  public EventHandler<OrderState, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(OrderState::apply);
  }

  /**
   * An order authorized just before a crash still gets the fulfilment it was due, and one cancelled
   * after it was paid still gives the payment back.
   */
  @Override
  public SignalHandler<OrderState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> {
          if (state.status() == OrderState.Status.PAYMENT_AUTHORIZED && collaborators.fulfilAutomatically()) {
            context.getSelf().tell(new CreateFulfillment(context.getSystem().ignoreRef()));
          }
          releaseLater(state);
        })
        .build();
  }
}
