package org.monostore.checkout;

import static org.monostore.checkout.OrderAction.CANCEL;
import static org.monostore.checkout.OrderAction.CONTACT;
import static org.monostore.checkout.OrderAction.CREATE;
import static org.monostore.checkout.OrderAction.CREATE_FULFILLMENT;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import org.monostore.fulfillment.Fulfillment;
import org.monostore.payment.Payment;
import org.monostore.platform.CborSerializable;
import org.monostore.platform.EntitySupervision;
import org.monostore.platform.Persisted;
import org.monostore.platform.PersistedAs;
import org.monostore.platform.Rejection;
import org.monostore.pricing.Pricing;
import org.monostore.promotion.Redemption;
import org.monostore.shared.Money;
import org.monostore.stock.Stock;

/**
 * A purchase order: the checkout of one cart, from contact information through payment to
 * fulfilment. This file holds what the order is told and what it records; {@link OrderState} holds
 * its rules, {@link CheckoutProcess} the steps that involve the cart, the payment and the fulfilment.
 */
public final class PurchaseOrder extends EventSourcedBehavior<PurchaseOrder.Command, PurchaseOrder.Event, OrderState> {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "PurchaseOrder");

  // Protocol

  public sealed interface Command extends CborSerializable
      permits Create, Get, GiveContact, AddPayment, AuthorizePayment, CreateFulfillment, Cancel, GiveContactByAdmin,
          CancelByAdmin, CancelFulfillment, SettlePayment, CheckoutProcess.StepAnswer {}

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

    /**
     * Reserves the order's use of each promotion that priced it, and of the code entered for it: empty
     * when all are reserved, else the first refusal, and then none is held.
     */
    CompletionStage<Optional<Rejection>> reservePromotionUses(String orderId, String email, List<Redemption> taken);

    /** The order is paid: it keeps its uses of these promotions and codes. */
    void keepPromotionUses(String orderId, List<Redemption> taken);

    /** The order's payment was declined or failed, or it was cancelled: it gives its uses back. */
    void giveBackPromotionUses(String orderId, List<Redemption> taken);

    /**
     * Reserves the order's units of every line, in place of what it held before, until {@code until}:
     * empty when all are reserved, else the refusal (a shortage first), and then none is held.
     */
    CompletionStage<Optional<Rejection>> reserveStock(String orderId, List<Pricing.PricedLine> lines, Instant until);

    /** The order's payment went through, or is pending at the gateway: its units are held until the parcel ships. */
    void holdStock(String orderId, List<Pricing.PricedLine> lines);

    /** The order lets its units of these products go. */
    void releaseStock(String orderId, List<String> skus, Stock.Why why);

    /** When units reserved now, as a payment is added, are free again unless the payment goes to the gateway. */
    Instant stockHeldUntil();

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
  private final CheckoutProcess process;

  private PurchaseOrder(
      String orderId, ActorContext<Command> context, ActorRef<ClusterSharding.ShardCommand> shard,
      Collaborators collaborators) {
    super(PersistenceId.of(ENTITY_KEY.name(), orderId), EntitySupervision.RESTART_AFTER_FAILED_WRITE);
    this.orderId = orderId;
    this.context = context;
    this.shard = shard;
    this.collaborators = collaborators;
    this.process = new CheckoutProcess(orderId, context, shard, collaborators, Effect());
  }

  @Override
  public OrderState emptyState() {
    return OrderState.NONE;
  }

  // Handlers: the answers of other entities to a step first, then the requests, by the order's state

  @Override
  public CommandHandler<Command, Event, OrderState> commandHandler() {
    return newCommandHandlerBuilder().forAnyState().onAnyCommand(this::handle);
  }

  private Effect<Event, OrderState> handle(OrderState state, Command command) {
    if (command instanceof CheckoutProcess.StepAnswer answer) {
      return process.onAnswer(state, answer);
    }
    if (command instanceof Get get && state.exists()) {
      return Effect().reply(get.replyTo(), new Current(state));
    }
    if (process.busy()) {
      return Effect().stash();
    }
    return state.exists() ? onOrder(state, command) : onNoOrder(command);
  }

  private Effect<Event, OrderState> onNoOrder(Command command) {
    return switch (command) {
      case Create create -> process.create(create);
      case SettlePayment settle -> Effect().none();
      case Command request -> unknown(replyTo(request));
    };
  }

  private Effect<Event, OrderState> onOrder(OrderState state, Command command) {
    return switch (command) {
      case SettlePayment settle -> process.settle(state);
      // The same cart again: a retried creation under an Idempotency-Key, answered as the order is.
      case Create create when create.cartId().equals(state.cartId()) ->
          Effect().reply(create.replyTo(), new Current(state));
      case Create create -> reject(create.replyTo(), state.conflict(CREATE));
      case Get get -> Effect().reply(get.replyTo(), new Current(state));
      case GiveContact give when state.refuse(CONTACT) != null -> reject(give.replyTo(), state.refuse(CONTACT));
      case GiveContact give ->
          Effect().persist(new ContactGiven(ContactDetails.of(give.contact()), Instant.now()))
              .thenReply(give.replyTo(), Current::new);
      case GiveContactByAdmin give when state.refuse(CONTACT) != null -> reject(give.replyTo(), state.refuse(CONTACT));
      case GiveContactByAdmin give -> {
        Instant now = Instant.now();
        yield Effect().persist(List.of(new OrderEditedByAdmin(give.admin(), CONTACT.apiName(), now),
            new ContactGiven(ContactDetails.of(give.contact()), now))).thenReply(give.replyTo(), Current::new);
      }
      case AddPayment add when state.refuse(OrderAction.ADD_PAYMENT) != null ->
          reject(add.replyTo(), state.refuse(OrderAction.ADD_PAYMENT));
      case AddPayment add -> process.addPayment(state, add);
      case AuthorizePayment authorize when state.refuseAuthorization(authorize.paymentId(),
          authorize.idempotencyKey()) != null ->
          reject(authorize.replyTo(), state.refuseAuthorization(authorize.paymentId(), authorize.idempotencyKey()));
      case AuthorizePayment authorize when state.payment(authorize.paymentId()).status().isDecided() ->
          Effect().reply(authorize.replyTo(), new Current(state));
      case AuthorizePayment authorize -> process.authorize(state.payment(authorize.paymentId()), state, authorize);
      case CreateFulfillment create when state.refuse(CREATE_FULFILLMENT) != null ->
          reject(create.replyTo(), state.refuse(CREATE_FULFILLMENT));
      case CreateFulfillment create -> process.createFulfillment(state, create);
      case Cancel cancel when state.refuse(CANCEL) != null -> reject(cancel.replyTo(), state.refuse(CANCEL));
      case Cancel cancel -> process.releaseCartAndCancel(state, OrderTimeline.CUSTOMER, cancel.replyTo());
      case CancelByAdmin cancel when state.refuseAdminCancel() != null ->
          reject(cancel.replyTo(), state.refuseAdminCancel());
      case CancelByAdmin cancel when state.fulfillmentId() != null ->
          process.stopFulfillmentAndCancel(state, cancel.admin(), cancel.replyTo());
      case CancelByAdmin cancel when state.paid() -> process.cancelPaid(state, cancel.admin(), cancel.replyTo());
      case CancelByAdmin cancel -> process.releaseCartAndCancel(state, cancel.admin(), cancel.replyTo());
      case CancelFulfillment cancel when state.refuseFulfillmentCancel() != null ->
          reject(cancel.replyTo(), state.refuseFulfillmentCancel());
      case CancelFulfillment cancel -> process.cancelFulfillment(state, cancel);
      case CheckoutProcess.StepAnswer answer -> throw new IllegalStateException("Answers are handled first");
    };
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
      case CheckoutProcess.StepAnswer c -> throw new IllegalArgumentException("An entity's answer expects no reply");
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
          process.settleNow(state);
        })
        .build();
  }
}
