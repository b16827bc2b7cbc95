package org.monostore.checkout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
import org.monostore.platform.Persisted;
import org.monostore.platform.PersistedAs;
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

  private static final Cart.Reply CART_SILENT =
      new Cart.Rejected(Rejection.unavailable("The cart did not answer in time"));
  private static final Fulfillment.Reply FULFILLMENT_SILENT =
      new Fulfillment.Rejected(Rejection.unavailable("The fulfilment did not answer in time"));
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

  /**
   * An admin cancels the order's fulfilment, unless it is shipped: the order is paid with nothing on
   * its way, and may be fulfilled again or cancelled, which gives the payment back.
   */
  public record CancelFulfillment(String admin, ActorRef<Reply> replyTo) implements Command {}

  /**
   * The order's payment may still hold the customer's money (the order was cancelled, or the gateway's
   * outcome is pending): find out and settle it. Sent by the order itself and, until the payment is
   * settled, by the payment settlement reminders, which survive passivation and restarts.
   */
  public record SettlePayment() implements Command {}

  /** Another entity's answer to the step under way. */
  private sealed interface StepAnswer extends Command {}

  private record CartFound(Create create, Cart.Reply reply) implements StepAnswer {}

  private record CartLocked(AddPayment add, Cart.Reply reply) implements StepAnswer {}

  private record PaymentInitiated(AddPayment add, Pricing pricing, Payment.Reply reply) implements StepAnswer {}

  private record AuthorizationAnswered(AuthorizePayment authorize, Payment.Reply reply) implements StepAnswer {}

  private record CartHeld(AuthorizePayment authorize, Cart.Reply reply) implements StepAnswer {}

  private record PaymentAmountChanged(AuthorizePayment authorize, Pricing pricing, Payment.Reply reply)
      implements StepAnswer {}

  private record FulfillmentAnswered(CreateFulfillment create, Fulfillment.Reply reply) implements StepAnswer {}

  /** Another entity took note of what the step did; the request is then answered as prepared. */
  private record Noted(ActorRef<Reply> replyTo, Reply reply) implements StepAnswer {}

  private record CartReleased(String by, ActorRef<Reply> replyTo, Cart.Reply reply) implements StepAnswer {}

  private record FulfillmentStopped(String by, ActorRef<Reply> replyTo, Fulfillment.Reply reply)
      implements StepAnswer {}

  private record FulfillmentWithdrawn(CancelFulfillment cancel, Fulfillment.Reply reply) implements StepAnswer {}

  /** The payment's answer to a release; null when it gave none in time. */
  private record ReleaseAnswered(String paymentId, Payment.Reply reply) implements Command {}

  public sealed interface Reply extends CborSerializable {}

  public record Current(OrderState order) implements Reply {}

  public record Rejected(Rejection rejection) implements Reply {}

  // Events

  public sealed interface Event extends Persisted {
    Instant at();
  }

  /** {@code fulfillmentId} is the random id the order's first fulfilment will have; null in older events. */
  @PersistedAs("checkout.OrderCreated")
  public record OrderCreated(String cartId, String market, String currency, String fulfillmentId, Instant at)
      implements Event {}

  @PersistedAs("checkout.ContactGiven")
  public record ContactGiven(ContactDetails contact, Instant at) implements Event {}

  /** The cart is locked and its pricing, with the amount to pay, is fixed from here on. */
  @PersistedAs("checkout.PaymentAdded")
  public record PaymentAdded(String paymentId, String method, Money amount, FixedPricing pricing, Instant at)
      implements Event {}

  /** The gateway's outcome for one payment; {@code idempotencyKey} is the client's key, if it sent one. */
  @PersistedAs("checkout.PaymentAuthorized")
  public record PaymentAuthorized(String paymentId, GatewayOutcome outcome, String idempotencyKey, Instant at)
      implements PaymentOutcome {}

  @PersistedAs("checkout.PaymentDeclined")
  public record PaymentDeclined(String paymentId, GatewayOutcome outcome, String idempotencyKey, Instant at)
      implements PaymentOutcome {}

  @PersistedAs("checkout.PaymentFailed")
  public record PaymentFailed(String paymentId, GatewayOutcome outcome, String idempotencyKey, Instant at)
      implements PaymentOutcome {}

  /** The gateway did not answer in time; the payment's outcome is learnt by authorizing it again. */
  @PersistedAs("checkout.PaymentPending")
  public record PaymentPending(String paymentId, GatewayOutcome outcome, String idempotencyKey, Instant at)
      implements PaymentOutcome {}

  /** The order was cancelled after it was paid, and what the payment reserved was given back. */
  @PersistedAs("checkout.PaymentReleased")
  public record PaymentReleased(String paymentId, GatewayOutcome outcome, String idempotencyKey, Instant at)
      implements PaymentOutcome {}

  public sealed interface PaymentOutcome extends Event {
    String paymentId();

    GatewayOutcome outcome();

    String idempotencyKey();
  }

  /**
   * An admin changed the locked cart after the payment was added: the order's pricing and the payment,
   * not yet sent to the gateway, are for the cart's new total.
   */
  @PersistedAs("checkout.PaymentRepriced")
  public record PaymentRepriced(String paymentId, Money amount, FixedPricing pricing, Instant at) implements Event {}

  @PersistedAs("checkout.FulfillmentCreated")
  public record FulfillmentCreated(String fulfillmentId, Instant at) implements Event {}

  /** {@code by} is the admin; the next fulfilment, if the order gets one, is {@code nextFulfillmentId}. */
  @PersistedAs("checkout.FulfillmentCancelled")
  public record FulfillmentCancelled(String fulfillmentId, String by, String nextFulfillmentId, Instant at)
      implements Event {}

  /** {@code by} is "customer" or the name of the admin who cancelled it. */
  @PersistedAs("checkout.OrderCancelled")
  public record OrderCancelled(String by, Instant at) implements Event {}

  /**
   * Persisted with {@link OrderCancelled} when a payment may hold the customer's money: from here on it
   * is settled (released, or learnt to hold nothing), by reminders until it is.
   */
  @PersistedAs("checkout.PaymentSettlementDue")
  public record PaymentSettlementDue(String paymentId, Instant at) implements Event {}

  /** An admin changed the order; the change's own event is persisted with it, right after. */
  @PersistedAs("checkout.OrderEditedByAdmin")
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

    /** {@code admin} is who cancels it, recorded with the fulfilment's event. */
    CompletionStage<Fulfillment.Reply> cancelFulfillment(String fulfillmentId, String admin);

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
      case ReleaseAnswered answered -> onSettlement(state, answered);
      case Get get when state.status() != null -> Effect().reply(get.replyTo(), new Current(state));
      case Command request when busy -> Effect().stash();
      case SettlePayment settle -> settle(state);
      case Get get -> unknown(get.replyTo());
      case Create create when state.status() == null ->
          step(collaborators.askCart(create.cartId(), Cart.Get::new), CART_SILENT, reply -> new CartFound(create, reply));
      // The same cart again: a retried creation under an Idempotency-Key, answered as the order is.
      case Create create when create.cartId().equals(state.cartId()) ->
          Effect().reply(create.replyTo(), new Current(state));
      case Create create -> reject(create.replyTo(), state.conflict("create"));
      case Command request when state.status() == null -> unknown(replyTo(request));
      case GiveContact give when state.refuse("contact") != null -> reject(give.replyTo(), state.refuse("contact"));
      case GiveContact give ->
          Effect().persist(new ContactGiven(ContactDetails.of(give.contact()), Instant.now()))
              .thenReply(give.replyTo(), Current::new);
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
            new ContactGiven(ContactDetails.of(give.contact()), now))).thenReply(give.replyTo(), Current::new);
      }
      case CancelByAdmin cancel when state.refuseAdminCancel() != null ->
          reject(cancel.replyTo(), state.refuseAdminCancel());
      case CancelByAdmin cancel when state.fulfillmentId() != null ->
          step(collaborators.cancelFulfillment(state.fulfillmentId(), cancel.admin()), FULFILLMENT_SILENT,
              reply -> new FulfillmentStopped(cancel.admin(), cancel.replyTo(), reply));
      // Paid: the cart is checked out for good and stays so.
      case CancelByAdmin cancel when state.paid() -> Effect()
          .persist(cancellation(state, cancel.admin()))
          .thenRun(this::settleNow)
          .thenReply(cancel.replyTo(), Current::new);
      case CancelByAdmin cancel -> releaseCart(state, cancel.admin(), cancel.replyTo());
      case CancelFulfillment cancel when state.refuseFulfillmentCancel() != null ->
          reject(cancel.replyTo(), state.refuseFulfillmentCancel());
      case CancelFulfillment cancel -> step(collaborators.cancelFulfillment(state.fulfillmentId(), cancel.admin()),
          FULFILLMENT_SILENT, reply -> new FulfillmentWithdrawn(cancel, reply));
    };
  }

  /** The order's cancellation, and the settlement of a payment that may hold the customer's money. */
  static List<Event> cancellation(OrderState state, String by) {
    Instant now = Instant.now();
    OrderState.PaymentEntry payment = state.paymentThatMayHoldMoney();
    return payment == null ? List.of(new OrderCancelled(by, now))
        : List.of(new OrderCancelled(by, now), new PaymentSettlementDue(payment.id(), now));
  }

  /** Whether the fulfilment's answer says it is cancelled, by this request or by one before it. */
  private static boolean isCancelled(Fulfillment.Reply reply) {
    return switch (reply) {
      case Fulfillment.Current(var fulfillment) -> fulfillment.status() == Fulfillment.Status.CANCELLED;
      case Fulfillment.Rejected(Rejection rejection) ->
          Fulfillment.Status.CANCELLED.name().equals(rejection.currentStatus());
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
      // An admin's override may have changed the locked cart: the cart is held unchanged while the
      // payment is at the gateway, and what it holds then is what is paid.
      return step(collaborators.askCart(state.cartId(), cart -> new Cart.HoldForAuthorization(orderId, cart)),
          CART_SILENT, reply -> new CartHeld(authorize, reply));
    }
    return step(collaborators.authorizePayment(payment.id()), PAYMENT_SILENT,
        reply -> new AuthorizationAnswered(authorize, reply));
  }

  private Effect<Event, OrderState> onCartHeld(OrderState state, CartHeld held) {
    AuthorizePayment authorize = held.authorize();
    Money amount = state.payment(authorize.paymentId()).amount();
    return switch (held.reply()) {
      case Cart.Current(CartView cart) when cart.lines().isEmpty() -> endHold(state, authorize.replyTo(),
          new Rejected(Rejection.conflict("The cart holds nothing to pay for or ship: cancel the order",
              state.status().name(), state.allowed())));
      case Cart.Current(CartView cart) when cart.pricing().total().equals(amount)
          && cart.pricing().lines().equals(state.pricing().lines()) ->
          continueWith(collaborators.authorizePayment(authorize.paymentId()), PAYMENT_SILENT,
              reply -> new AuthorizationAnswered(authorize, reply));
      case Cart.Current(CartView cart) ->
          continueWith(collaborators.changePaymentAmount(authorize.paymentId(), cart.pricing().total()),
              PAYMENT_SILENT, reply -> new PaymentAmountChanged(authorize, cart.pricing(), reply));
      case Cart.Rejected(Rejection rejection) -> failed(authorize.replyTo(), rejection);
    };
  }

  /**
   * The payment is for the cart's new contents now, and the cart's hold ends until the customer, who
   * learns what they pay, authorizes again.
   */
  private Effect<Event, OrderState> onRepriced(PaymentAmountChanged changed) {
    if (!(changed.reply() instanceof Payment.Current(PaymentView payment))) {
      return failed(changed.authorize().replyTo(), ((Payment.Rejected) changed.reply()).rejection());
    }
    Money total = payment.amount();
    return Effect()
        .persist(new PaymentRepriced(payment.id(), total, FixedPricing.of(changed.pricing()), Instant.now()))
        .thenRun((OrderState repriced) -> askToEndHold(repriced, changed.authorize().replyTo(),
            new Rejected(Rejection.conflict("The shop changed the cart after payment " + payment.id()
                + " was added: the total is now " + total.inWords() + ". Authorize again to pay it",
                repriced.status().name(), repriced.allowed()))));
  }

  /** Ends the cart's hold for the authorization, then answers as prepared. */
  private Effect<Event, OrderState> endHold(OrderState state, ActorRef<Reply> replyTo, Reply reply) {
    askToEndHold(state, replyTo, reply);
    return Effect().none();
  }

  private void askToEndHold(OrderState state, ActorRef<Reply> replyTo, Reply reply) {
    context.pipeToSelf(collaborators.askCart(state.cartId(), cart -> new Cart.EndAuthorizationHold(orderId, cart)),
        (answer, failure) -> {
          if (failure != null || answer instanceof Cart.Rejected) {
            // The next authorization holds the cart again anyway; meanwhile an admin cannot change it.
            context.getLog().warn("Order {}: its cart did not end the hold for the authorization: {}", orderId,
                failure != null ? failure.toString() : answer);
          }
          return new Noted(replyTo, reply);
        });
  }

  private Effect<Event, OrderState> createFulfillment(OrderState state, CreateFulfillment create) {
    List<Fulfillment.Item> items = state.pricing().lines().stream()
        .map(line -> new Fulfillment.Item(line.sku(), line.name(), line.quantity()))
        .toList();
    return step(collaborators.createFulfillment(state.fulfillmentIdToCreate(orderId), orderId, items, state.contact()),
        FULFILLMENT_SILENT, reply -> new FulfillmentAnswered(create, reply));
  }

  // Settling a payment that may hold the customer's money: not a step, nothing waits for it

  private void settleNow(OrderState state) {
    if (state.paymentToSettle() != null) {
      context.getSelf().tell(new SettlePayment());
    }
  }

  /**
   * A cancelled order's payment is released (the payment voids one never sent to the gateway); a
   * pending payment's outcome is asked for again. What is still open after this is retried by the
   * reminders, not by the order, so that it survives the order going to sleep or its node stopping.
   */
  private Effect<Event, OrderState> settle(OrderState state) {
    OrderState.PaymentEntry cancelledWith = state.paymentToSettle();
    if (cancelledWith != null) {
      context.pipeToSelf(collaborators.releasePayment(cancelledWith.id()),
          (reply, failure) -> new ReleaseAnswered(cancelledWith.id(), failure == null ? reply : null));
      return Effect().none();
    }
    OrderState.PaymentEntry open = state.openPayment();
    if (state.status() != null && open != null && open.status() == Payment.Status.PENDING) {
      return authorize(state, new AuthorizePayment(open.id(), null, context.getSystem().ignoreRef()));
    }
    return Effect().none();
  }

  private Effect<Event, OrderState> onSettlement(OrderState state, ReleaseAnswered answered) {
    OrderState.PaymentEntry payment = state.paymentToSettle();
    if (payment == null || !payment.id().equals(answered.paymentId())) {
      return Effect().none();
    }
    if (answered.reply() instanceof Payment.Current(PaymentView settled)) {
      Instant now = Instant.now();
      Event outcome = switch (settled.status()) {
        case RELEASED -> new PaymentReleased(settled.id(), GatewayOutcome.of(settled.outcome()), null, now);
        case DECLINED -> new PaymentDeclined(settled.id(), GatewayOutcome.of(settled.outcome()), null, now);
        case FAILED -> new PaymentFailed(settled.id(), GatewayOutcome.of(settled.outcome()), null, now);
        case INITIATED, AUTHORIZING, AUTHORIZED, PENDING -> null;
      };
      if (outcome != null) {
        return Effect().persist(outcome);
      }
    }
    context.getLog().warn("Payment {} of cancelled order {} may still hold money ({}); a reminder settles it later",
        answered.paymentId(), orderId, answered.reply());
    return Effect().none();
  }

  private Effect<Event, OrderState> onAnswer(OrderState state, StepAnswer answer) {
    return switch (answer) {
      case CartFound found -> switch (found.reply()) {
        case Cart.Current(CartView cart) when cart.status() == Cart.Status.OPEN -> done(
            Effect().persist(new OrderCreated(cart.id(), cart.market(), cart.currency(), UUID.randomUUID().toString(),
                Instant.now())),
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
            payment.method(), payment.amount(), FixedPricing.of(initiated.pricing()), Instant.now())),
            initiated.add().replyTo());
        case Payment.Rejected(Rejection rejection) -> failed(initiated.add().replyTo(), rejection);
      };
      case AuthorizationAnswered answered -> onAuthorization(state, answered);
      case CartHeld held -> onCartHeld(state, held);
      case Noted noted -> Effect().none().thenRun((OrderState unchanged) -> {
        busy = false;
        noted.replyTo().tell(noted.reply());
      }).thenUnstashAll();
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
        case Cart.Reply reply -> done(
            Effect().persist(cancellation(state, released.by())).thenRun(this::settleNow), released.replyTo());
      };
      case FulfillmentStopped stopped -> switch (stopped.reply()) {
        case Fulfillment.Reply reply when isCancelled(reply) -> done(
            Effect().persist(cancellation(state, stopped.by())).thenRun(this::settleNow), stopped.replyTo());
        case Fulfillment.Current current -> failed(stopped.replyTo(), Rejection.conflict(
            "The fulfilment is " + current.fulfillment().status() + " and was not cancelled", state.status().name()));
        case Fulfillment.Rejected(Rejection rejection) -> failed(stopped.replyTo(), rejection);
      };
      case FulfillmentWithdrawn withdrawn -> switch (withdrawn.reply()) {
        case Fulfillment.Reply reply when isCancelled(reply) -> done(Effect().persist(new FulfillmentCancelled(
            state.fulfillmentId(), withdrawn.cancel().admin(), UUID.randomUUID().toString(), Instant.now())),
            withdrawn.cancel().replyTo());
        case Fulfillment.Current current -> failed(withdrawn.cancel().replyTo(), Rejection.conflict(
            "The fulfilment is " + current.fulfillment().status() + " and was not cancelled", state.status().name()));
        case Fulfillment.Rejected(Rejection rejection) -> failed(withdrawn.cancel().replyTo(), rejection);
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
    if (outcome instanceof PaymentDeclined || outcome instanceof PaymentFailed) {
      // Nothing is reserved: the cart may change again as a locked cart may, until the next payment.
      return Effect().persist(outcome)
          .thenRun((OrderState unpaid) -> askToEndHold(unpaid, authorize.replyTo(), new Current(unpaid)));
    }
    if (!(outcome instanceof PaymentAuthorized)) {
      // Pending: the gateway may have reserved the cart's total, so the cart stays held.
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
      case CancelFulfillment c -> c.replyTo();
      case SettlePayment c -> throw new IllegalArgumentException("A settlement reminder expects no reply");
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
          settleNow(state);
        })
        .build();
  }
}
